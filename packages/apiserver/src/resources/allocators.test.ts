import { describe, expect, it } from 'vitest';
import { AllocationError, ClusterIPAllocator, NodePortAllocator } from './allocators.js';

const first = (): number => 0;

describe('ClusterIPAllocator', () => {
  it('hands out random IPs above the static band of 10.96.0.0/12 first', () => {
    const ips = new ClusterIPAllocator({ random: first });
    expect(ips.allocateNext()).toBe('10.96.1.1');
    expect(ips.allocateNext()).toBe('10.96.1.2');
    const middle = new ClusterIPAllocator({ random: () => 0.5 });
    expect(middle.allocateNext()).toBe('10.104.0.128');
  });

  it('never hands out 10.96.0.1 or 10.96.0.10 on its own, but gives them when asked', () => {
    const ips = new ClusterIPAllocator({ cidr: '10.96.0.0/27', random: first });
    const handedOut = Array.from({ length: 28 }, () => ips.allocateNext());
    expect(handedOut).not.toContain('10.96.0.1');
    expect(handedOut).not.toContain('10.96.0.10');
    expect(handedOut.slice(0, 2)).toEqual(['10.96.0.17', '10.96.0.18']);
    expect(() => ips.allocateNext()).toThrow(new AllocationError('Full', 'range is full'));
    expect(ips.allocateKubernetesServiceIP()).toBe('10.96.0.1');
    ips.allocate('10.96.0.10', 'kube-system/kube-dns');
    expect(ips.ownerOf('10.96.0.10')).toBe('kube-system/kube-dns');
  });

  it('honours requested IPs and reports clashes and foreign IPs with upstream wording', () => {
    const ips = new ClusterIPAllocator({ random: first });
    ips.allocate('10.96.0.50', 'a');
    ips.allocate('10.96.0.50', 'a'); // the same owner again is fine
    expect(() => ips.allocate('10.96.0.50', 'b')).toThrow('provided IP is already allocated');
    expect(() => ips.allocate('192.168.0.1')).toThrow(
      'the provided IP (192.168.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    );
    expect(() => ips.allocate('10.96.0.0')).toThrow(/not in the valid range/); // the network address
  });

  it('releases and repairs', () => {
    const ips = new ClusterIPAllocator({ random: first });
    const ip = ips.allocateNext('x');
    expect(ips.release(ip)).toBe(true);
    expect(ips.release(ip)).toBe(false);
    ips.allocateNext();
    ips.repair([['10.96.0.1', undefined], ['10.96.3.4', 'default/web']]);
    expect(ips.used).toBe(2);
    expect(ips.isAllocated('10.96.1.1')).toBe(false);
    expect(ips.ownerOf('10.96.3.4')).toBe('default/web');
  });

  it('adopts an ownerless allocation for the first owner that claims it', () => {
    const ips = new ClusterIPAllocator({ random: first });
    const ip = ips.allocateNext();
    ips.allocate(ip, 'svc-uid');
    expect(ips.ownerOf(ip)).toBe('svc-uid');
    expect(() => ips.allocate(ip, 'other')).toThrow('provided IP is already allocated');
  });
});

describe('NodePortAllocator', () => {
  it('allocates 30000–32767, random picks above the static band', () => {
    const ports = new NodePortAllocator({ random: first });
    expect(ports.allocateNext()).toBe(30086);
    ports.allocate(30000, 'a');
    expect(() => ports.allocate(30000, 'b')).toThrow('provided port is already allocated');
    expect(() => ports.allocate(29999)).toThrow('provided port is not in the valid range. The range of valid ports is 30000-32767');
    expect(ports.release(30000)).toBe(true);
    expect(ports.isAllocated(30000)).toBe(false);
  });

  it('falls back to the static band and then reports a full range', () => {
    const ports = new NodePortAllocator({ min: 30000, max: 30019, random: first });
    const all = Array.from({ length: 20 }, () => ports.allocateNext());
    expect(new Set(all).size).toBe(20);
    expect(all.slice(0, 4)).toEqual([30016, 30017, 30018, 30019]);
    expect(() => ports.allocateNext()).toThrow('range is full');
  });
});
