import type {
  DeploymentSpec,
  DeploymentStatus,
  EndpointSubset,
  KubeObject,
  NodeSpec,
  NodeStatus,
  PodSpec,
  PodStatus,
  ReplicaSetSpec,
  ReplicaSetStatus,
  ServicePort,
} from '@minik/types';

/** A Pod as the controllers read it from the store. */
export type PodObject = KubeObject & { spec: PodSpec; status?: PodStatus };

/** A ReplicaSet as the controllers read it. */
export type ReplicaSetObject = KubeObject & { spec: ReplicaSetSpec; status?: ReplicaSetStatus };

/** A Deployment as the controllers read it. */
export type DeploymentObject = KubeObject & { spec: DeploymentSpec; status?: DeploymentStatus };

/** A Node as the controllers read it. */
export type NodeObject = KubeObject & { spec?: NodeSpec; status?: NodeStatus };

/** A Service, with just the spec fields the endpoint controllers use. */
export type ServiceObject = KubeObject & {
  spec?: {
    selector?: Record<string, string>;
    ports?: ServicePort[];
    clusterIP?: string;
    type?: string;
    publishNotReadyAddresses?: boolean;
    ipFamilies?: string[];
  };
};

/** core/v1 Endpoints. */
export type EndpointsObject = KubeObject & { subsets?: EndpointSubset[] };

/** A Namespace. */
export type NamespaceObject = KubeObject & { spec?: { finalizers?: string[] }; status?: { phase?: string } };
