/** The parts of a proxy id: `name`, `name:port`, `scheme:name:port` (`https:kubernetes:443`). */
export interface SchemeNamePort {
  scheme: string;
  name: string;
  port: string;
}

/**
 * utilnet.SplitSchemeNamePort: `name`, `name:port` or `scheme:name:port`, where scheme is `http`
 * or `https` (empty means http) and name is not empty. Undefined for anything else.
 */
export function splitSchemeNamePort(id: string): SchemeNamePort | undefined {
  const parts = id.split(':');
  let scheme = '';
  let name: string;
  let port = '';
  switch (parts.length) {
    case 1:
      name = parts[0]!;
      break;
    case 2:
      name = parts[0]!;
      port = parts[1]!;
      break;
    case 3:
      scheme = parts[0]!;
      name = parts[1]!;
      port = parts[2]!;
      break;
    default:
      return undefined;
  }
  if (name === '' || (scheme !== '' && scheme !== 'http' && scheme !== 'https')) return undefined;
  return { scheme, name, port };
}
