import { createHash } from 'node:crypto';

/** A parsed container image reference, normalised as containerd names images. */
export interface ImageReference {
  /** The image exactly as the pod spec wrote it. */
  readonly original: string;
  /** Registry host, `docker.io` when none is written. */
  readonly registry: string;
  /** Repository path, `library/`-prefixed for Docker Hub official images (`library/nginx`). */
  readonly repository: string;
  /** The tag; `latest` when neither a tag nor a digest is written. */
  readonly tag: string | undefined;
  readonly digest: string | undefined;
  /** `docker.io/library/nginx:1.25`, the name containerd reports and pull errors use. */
  readonly normalized: string;
}

// The grammar of github.com/distribution/reference (reference.go), which the kubelet parses with.
const component = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domain = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?`;
const tag = '[\\w][\\w.-]{0,127}';
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const referencePattern = new RegExp(`^((?:${domain}/)?${component}(?:/${component})*)(?::(${tag}))?(?:@(${digest}))?$`);

/**
 * Parses an image reference the way the kubelet does (ParseNormalizedNamed): the first path
 * component is a registry when it has a dot, a port or is `localhost`; otherwise Docker Hub.
 * Undefined for a reference the kubelet rejects (InvalidImageName).
 */
export function parseImageReference(image: string): ImageReference | undefined {
  const match = referencePattern.exec(image);
  if (!match || image.length > 255) return undefined;
  const name = match[1]!;
  const slash = name.indexOf('/');
  const first = slash < 0 ? '' : name.slice(0, slash);
  const hasRegistry = first !== '' && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (!hasRegistry && /[A-Z]/.test(name)) return undefined;
  const registry = hasRegistry ? first : 'docker.io';
  let repository = hasRegistry ? name.slice(slash + 1) : name;
  if (registry === 'docker.io' && !repository.includes('/')) repository = `library/${repository}`;
  const digestPart = match[3];
  const tagPart = match[2] ?? (digestPart === undefined ? 'latest' : undefined);
  const normalized = `${registry}/${repository}${tagPart === undefined ? '' : `:${tagPart}`}${digestPart === undefined ? '' : `@${digestPart}`}`;
  return { original: image, registry, repository, tag: tagPart, digest: digestPart, normalized };
}

/** The repository without its registry and `library/` prefix, as people name images: `nginx`, `jocatalin/kubernetes-bootcamp`. */
export function shortRepository(ref: ImageReference): string {
  return ref.registry === 'docker.io' && ref.repository.startsWith('library/') ? ref.repository.slice('library/'.length) : ref.repository;
}

/** A stable sha256 digest for an image, so imageID looks as a runtime reports it (`docker.io/library/nginx@sha256:…`). */
export function imageDigest(ref: ImageReference): string {
  if (ref.digest !== undefined) return ref.digest;
  return `sha256:${createHash('sha256').update(`minik-image:${ref.normalized}`).digest('hex')}`;
}

const imageIDs = new Map<string, string>();

/** The `imageID` a container status reports: repository@digest. */
export function imageID(ref: ImageReference): string {
  // Every container status carries it: one string per image, and no hash per status.
  const key = `${ref.registry}/${ref.repository}@${ref.digest ?? ref.normalized}`;
  let id = imageIDs.get(key);
  if (id === undefined) {
    if (imageIDs.size >= 1_024) imageIDs.clear();
    id = `${ref.registry}/${ref.repository}@${imageDigest(ref)}`;
    imageIDs.set(key, id);
  }
  return id;
}

/** The `image` a container status reports: the normalised name with its tag (`docker.io/library/nginx:1.25`). */
export function statusImage(ref: ImageReference): string {
  return ref.normalized;
}
