/**
 * Pod IPs out of a node's podCIDR, as the host-local IPAM plugin hands them out: round-robin
 * from the first usable address after the gateway (`.1`), skipping addresses in use, so a
 * deleted pod's IP is not reused at once.
 */
export class PodIPAllocator {
  readonly #base: number;
  readonly #size: number;
  readonly #inUse = new Set<number>();
  #last: number;

  /** `cidr` as `10.244.1.0/24`. */
  constructor(cidr: string) {
    const [address = '', bits = '24'] = cidr.split('/');
    const octets = address.split('.').map(Number);
    this.#base = (((octets[0] ?? 0) << 24) | ((octets[1] ?? 0) << 16) | ((octets[2] ?? 0) << 8) | (octets[3] ?? 0)) >>> 0;
    this.#size = 2 ** (32 - Number(bits));
    this.#last = 1;
  }

  /** Marks an address as taken (pods found on the node at start-up). */
  reserve(ip: string): void {
    const offset = this.#offsetOf(ip);
    if (offset !== undefined) this.#inUse.add(offset);
  }

  /** The next free address; throws when the range is exhausted. */
  allocate(): string {
    const usable = this.#size - 3; // .2 … broadcast-1
    for (let i = 1; i <= usable; i++) {
      const offset = ((((this.#last - 2 + i) % usable) + usable) % usable) + 2;
      if (this.#inUse.has(offset)) continue;
      this.#inUse.add(offset);
      this.#last = offset;
      return this.#format(this.#base + offset);
    }
    throw new Error('no IP addresses available in range set');
  }

  release(ip: string): void {
    const offset = this.#offsetOf(ip);
    if (offset !== undefined) this.#inUse.delete(offset);
  }

  #offsetOf(ip: string): number | undefined {
    const octets = ip.split('.').map(Number);
    if (octets.length !== 4 || octets.some((o) => !Number.isInteger(o))) return undefined;
    const value = (((octets[0]! << 24) | (octets[1]! << 16) | (octets[2]! << 8) | octets[3]!) >>> 0) - this.#base;
    return value >= 0 && value < this.#size ? value : undefined;
  }

  #format(value: number): string {
    return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
  }
}
