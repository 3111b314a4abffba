/** What {@link deploymentYaml} varies. */
export interface DeploymentYamlOptions {
  replicas?: number;
  image?: string;
  /** The pod template's one container's name. */
  container?: string;
  /** Container ports, listed in the container when given. */
  ports?: readonly number[];
}

/** A Deployment manifest labelled and selecting `app: <name>`, with one container. */
export function deploymentYaml(name: string, { replicas = 2, image = 'nginx:1.25', container = 'nginx', ports }: DeploymentYamlOptions = {}): string {
  const portList = ports ? `, ports: [${ports.map((p) => `{containerPort: ${p}}`).join(', ')}]` : '';
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels: {app: ${name}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers: [{name: ${container}, image: "${image}"${portList}}]
`;
}
