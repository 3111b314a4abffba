import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors/index.js';
import { negotiateRepresentation, parseIncludeObject } from './negotiation.js';

describe('negotiateRepresentation', () => {
  it('picks Table for kubectl get and the object for everything JSON', () => {
    const kubectlTable = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';
    expect(negotiateRepresentation(kubectlTable, true)).toBe('table');
    expect(negotiateRepresentation('application/json;as=Table;v=v1beta1;g=meta.k8s.io', false)).toBe('table');
    expect(negotiateRepresentation('application/json, */*', true)).toBe('object');
    expect(negotiateRepresentation('application/vnd.kubernetes.protobuf,application/json', false)).toBe('object');
    expect(negotiateRepresentation(undefined, false)).toBe('object');
  });

  it('serves PartialObjectMetadata(List) for metadata informers', () => {
    expect(negotiateRepresentation('application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io', true)).toBe('partial-metadata');
    expect(negotiateRepresentation('application/json;as=PartialObjectMetadata;v=v1;g=meta.k8s.io', false)).toBe('partial-metadata');
  });

  it('answers 406 when nothing acceptable is offered', () => {
    expect(() => negotiateRepresentation('text/html', false)).toThrow(ApiError);
    expect(() => negotiateRepresentation('application/json;as=Table;v=v2;g=meta.k8s.io', true)).toThrow(/only the following media types/);
  });
});

describe('parseIncludeObject', () => {
  it('defaults to Metadata and rejects unknown values', () => {
    expect(parseIncludeObject(new URLSearchParams())).toBe('Metadata');
    expect(parseIncludeObject(new URLSearchParams('includeObject=Object'))).toBe('Object');
    expect(() => parseIncludeObject(new URLSearchParams('includeObject=All'))).toThrow(ApiError);
  });
});
