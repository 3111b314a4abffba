import { describe, expect, it } from 'vitest';
import { aggregatedDiscoveryContentType, negotiateAggregatedDiscovery } from './aggregated-discovery-media-type.js';

const v2 = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';
const v2beta1 = 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList';

describe('negotiateAggregatedDiscovery', () => {
  it('picks the first supported entry', () => {
    expect(negotiateAggregatedDiscovery(`${v2},${v2beta1},application/json`)).toBe('v2');
    expect(negotiateAggregatedDiscovery(`${v2beta1},${v2},application/json`)).toBe('v2beta1');
    expect(negotiateAggregatedDiscovery(`${v2beta1},application/json`)).toBe('v2beta1');
  });

  it('skips entries it does not serve', () => {
    const protobufV2 = 'application/vnd.kubernetes.protobuf;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';
    const v3 = 'application/json;g=apidiscovery.k8s.io;v=v3;as=APIGroupDiscoveryList';
    expect(negotiateAggregatedDiscovery(`${protobufV2},${v3},${v2beta1}`)).toBe('v2beta1');
    expect(negotiateAggregatedDiscovery(`${v2};q=0,${v2beta1}`)).toBe('v2beta1');
  });

  it('tolerates whitespace, parameter order, case of names and quoted values', () => {
    expect(negotiateAggregatedDiscovery(' Application/JSON ; AS="APIGroupDiscoveryList" ; v=v2 ; g=apidiscovery.k8s.io')).toBe('v2');
  });

  it('answers legacy for everything else', () => {
    expect(negotiateAggregatedDiscovery(undefined)).toBeUndefined();
    expect(negotiateAggregatedDiscovery('')).toBeUndefined();
    expect(negotiateAggregatedDiscovery('application/json, */*')).toBeUndefined();
    expect(negotiateAggregatedDiscovery('*/*;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList')).toBeUndefined();
    expect(negotiateAggregatedDiscovery('application/json;g=apidiscovery.k8s.io;v=v2')).toBeUndefined();
    expect(negotiateAggregatedDiscovery('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscovery')).toBeUndefined();
  });

  it('gives the exact content type kubectl recognises', () => {
    expect(aggregatedDiscoveryContentType('v2')).toBe(v2);
    expect(aggregatedDiscoveryContentType('v2beta1')).toBe(v2beta1);
  });
});
