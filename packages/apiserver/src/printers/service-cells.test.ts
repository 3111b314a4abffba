import type { Service } from '@minik/types';
import { describe, expect, it } from 'vitest';
import { serviceCells, serviceExternalIP, servicePorts } from './service-cells.js';
import { ago, minute, now } from './test-clock.js';

function service(spec: Service['spec'], status: Service['status'] = { loadBalancer: {} }): Service {
  return { metadata: { name: 'web', namespace: 'default', creationTimestamp: ago(5 * minute) }, spec, status };
}

describe('serviceCells', () => {
  it('prints a ClusterIP service', () => {
    const svc = service({
      type: 'ClusterIP',
      clusterIP: '10.96.0.10',
      clusterIPs: ['10.96.0.10'],
      ports: [{ port: 80, protocol: 'TCP', targetPort: 8080 }],
      selector: { tier: 'fe', app: 'web' },
    });
    expect(serviceCells(svc, now)).toEqual(['web', 'ClusterIP', '10.96.0.10', '<none>', '80/TCP', '5m', 'app=web,tier=fe']);
  });

  it('prints node ports and several ports', () => {
    const svc = service({
      type: 'NodePort',
      clusterIPs: ['10.96.132.31'],
      ports: [
        { port: 80, protocol: 'TCP', nodePort: 30080 },
        { port: 53, protocol: 'UDP', nodePort: 30053 },
      ],
    });
    expect(serviceCells(svc, now).slice(1, 5)).toEqual(['NodePort', '10.96.132.31', '<none>', '80:30080/TCP,53:30053/UDP']);
  });

  it('prints <none> for a headless service without ports or selector, and None as the cluster IP', () => {
    const svc = service({ type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'] });
    expect(serviceCells(svc, now)).toEqual(['web', 'ClusterIP', 'None', '<none>', '<none>', '5m', '<none>']);
  });

  it('prints <none> as cluster IP for a service without one', () => {
    expect(serviceCells(service({ type: 'ExternalName', externalName: 'db.example.com' }), now).slice(1, 4)).toEqual([
      'ExternalName',
      '<none>',
      'db.example.com',
    ]);
  });

  it('never clips load-balancer addresses: the server prints wide', () => {
    const svc = service(
      { type: 'LoadBalancer', clusterIPs: ['10.96.0.20'], ports: [{ port: 443, protocol: 'TCP', nodePort: 31443 }] },
      { loadBalancer: { ingress: [{ hostname: 'a1b2c3-1234567890.eu-west-1.elb.amazonaws.com' }] } },
    );
    expect(serviceCells(svc, now)[3]).toBe('a1b2c3-1234567890.eu-west-1.elb.amazonaws.com');
  });
});

describe('serviceExternalIP', () => {
  it('lists external IPs of ClusterIP and NodePort services', () => {
    expect(serviceExternalIP(service({ type: 'ClusterIP', externalIPs: ['192.0.2.1', '192.0.2.2'] }), true)).toBe('192.0.2.1,192.0.2.2');
    expect(serviceExternalIP(service({ type: 'NodePort' }), true)).toBe('<none>');
  });

  it('is <pending> for a load balancer without ingress', () => {
    expect(serviceExternalIP(service({ type: 'LoadBalancer' }), true)).toBe('<pending>');
  });

  it('prints ingress IPs and hostnames sorted and de-duplicated, then external IPs', () => {
    const svc = service(
      { type: 'LoadBalancer', externalIPs: ['192.0.2.9'] },
      { loadBalancer: { ingress: [{ ip: '203.0.113.5' }, { hostname: 'lb.example.com' }, { ip: '203.0.113.5' }, { ip: '198.51.100.1', hostname: 'ignored' }] } },
    );
    expect(serviceExternalIP(svc, true)).toBe('198.51.100.1,203.0.113.5,lb.example.com,192.0.2.9');
  });

  it('clips load-balancer addresses beyond 16 characters when not wide', () => {
    const svc = service({ type: 'LoadBalancer' }, { loadBalancer: { ingress: [{ hostname: 'a1b2c3-1234567890.elb.amazonaws.com' }] } });
    expect(serviceExternalIP(svc, false)).toBe('a1b2c3-123456...');
    const short = service({ type: 'LoadBalancer' }, { loadBalancer: { ingress: [{ ip: '203.0.113.5' }] } });
    expect(serviceExternalIP(short, false)).toBe('203.0.113.5');
  });

  it('is <unknown> for a service without a type', () => {
    expect(serviceExternalIP(service({}), true)).toBe('<unknown>');
  });
});

describe('servicePorts', () => {
  it('prints port/protocol with the node port when allocated', () => {
    expect(servicePorts([{ port: 80, protocol: 'TCP', nodePort: 0 }, { port: 8443, protocol: 'SCTP' }])).toBe('80/TCP,8443/SCTP');
    expect(servicePorts([])).toBe('<none>');
  });
});
