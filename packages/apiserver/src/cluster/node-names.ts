/** Node names as minikube gives them: `minik`, then `minik-m02`, `minik-m03`, … */
export function nodeName(clusterName: string, index: number): string {
  return index === 0 ? clusterName : `${clusterName}-m${String(index + 1).padStart(2, '0')}`;
}
