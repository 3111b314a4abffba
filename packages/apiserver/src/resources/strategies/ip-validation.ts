import { isIPv6 } from 'node:net';

/**
 * IP address checks. Upstream parses with netutils.ParseIPSloppy, which (unlike Node's isIPv4)
 * still accepts leading zeros in IPv4 octets.
 */

const ipv4Pattern = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** True for a dotted-quad IPv4 address (leading zeros allowed, as ParseIPSloppy does). */
export function isIPv4Address(value: string): boolean {
  const m = ipv4Pattern.exec(value);
  return m !== null && m.slice(1).every((octet) => Number(octet) <= 255);
}

/** True for an IPv4 or IPv6 address. */
export function isIPAddress(value: string): boolean {
  return isIPv4Address(value) || isIPv6(value);
}

/** The detail of upstream's IsValidIP failure. */
export const invalidIPMessage = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';
