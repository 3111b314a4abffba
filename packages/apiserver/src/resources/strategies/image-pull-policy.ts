/**
 * The default imagePullPolicy: `Always` when the image's tag is `latest` (or it has neither tag nor
 * digest, which means latest), `IfNotPresent` otherwise, including digest-only references and
 * references that do not parse. https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/apis/core/v1/defaults.go
 */
export function defaultImagePullPolicy(image: string): 'Always' | 'IfNotPresent' {
  const tag = imageTag(image);
  return tag === 'latest' ? 'Always' : 'IfNotPresent';
}

/** The tag parsers.ParseImageName reports: 'latest' when none and no digest, '' on a parse error. */
function imageTag(image: string): string {
  if (image === '' || /\s/.test(image)) return '';
  const at = image.indexOf('@');
  const name = at >= 0 ? image.slice(0, at) : image;
  const hasDigest = at >= 0;
  const lastSlash = name.lastIndexOf('/');
  const lastColon = name.lastIndexOf(':');
  const tag = lastColon > lastSlash ? name.slice(lastColon + 1) : '';
  const repository = lastColon > lastSlash ? name.slice(0, lastColon) : name;
  // The path after a registry host must be lowercase; ParseNormalizedNamed rejects it otherwise.
  const firstSlash = repository.indexOf('/');
  const head = firstSlash >= 0 ? repository.slice(0, firstSlash) : '';
  const hasRegistry = head.includes('.') || head.includes(':') || head === 'localhost';
  const path = hasRegistry ? repository.slice(firstSlash + 1) : repository;
  if (path === '' || /[A-Z]/.test(path)) return '';
  if (tag === '' && !hasDigest) return 'latest';
  return tag;
}
