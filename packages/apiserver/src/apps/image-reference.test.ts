import { describe, expect, it } from 'vitest';
import { imageID, parseImageReference, shortRepository } from './image-reference.js';

describe('image references', () => {
  it('normalise as containerd names images', () => {
    expect(parseImageReference('nginx')).toMatchObject({ registry: 'docker.io', repository: 'library/nginx', tag: 'latest', normalized: 'docker.io/library/nginx:latest' });
    expect(parseImageReference('nginx:1.25')?.normalized).toBe('docker.io/library/nginx:1.25');
    expect(parseImageReference('jocatalin/kubernetes-bootcamp:v2')?.normalized).toBe('docker.io/jocatalin/kubernetes-bootcamp:v2');
    expect(parseImageReference('gcr.io/google-samples/kubernetes-bootcamp:v1')).toMatchObject({ registry: 'gcr.io', repository: 'google-samples/kubernetes-bootcamp', tag: 'v1' });
    expect(parseImageReference('localhost:5000/app')).toMatchObject({ registry: 'localhost:5000', repository: 'app', tag: 'latest' });
  });

  it('keep digests, and give a stable imageID', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    expect(parseImageReference(`nginx@${digest}`)).toMatchObject({ tag: undefined, digest, normalized: `docker.io/library/nginx@${digest}` });
    const id = imageID(parseImageReference('nginx:1.25')!);
    expect(id).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(imageID(parseImageReference('nginx:1.25')!)).toBe(id);
  });

  it('reject what the kubelet rejects (InvalidImageName)', () => {
    expect(parseImageReference('NGINX')).toBeUndefined();
    expect(parseImageReference('nginx:')).toBeUndefined();
    expect(parseImageReference('-nginx')).toBeUndefined();
  });

  it('give the short name people use', () => {
    expect(shortRepository(parseImageReference('docker.io/library/nginx:1')!)).toBe('nginx');
    expect(shortRepository(parseImageReference('kicbase/echo-server:1.0')!)).toBe('kicbase/echo-server');
  });
});
