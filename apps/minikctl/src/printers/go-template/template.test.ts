import { describe, expect, it } from 'vitest';
import { GoTemplate } from './template.js';

const pod = {
  kind: 'Pod',
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: { priority: 0, terminationGracePeriodSeconds: 30, containers: [{ name: 'web', ports: [{ containerPort: 80 }] }] },
  status: { phase: 'Pending' },
};

function run(text: string, data: unknown = pod): string {
  let out = '';
  new GoTemplate(text).execute(data, (s) => (out += s));
  return out;
}

describe("GoTemplate (Go's text/template as kubectl -o go-template runs it)", () => {
  it('ranges with else, variables and string escapes', () => {
    expect(run('{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}', { items: [pod, { metadata: { name: 'db' } }] })).toBe('web\ndb\n');
    expect(run('{{range $i, $c := .spec.containers}}{{$i}}:{{$c.name}}{{end}} {{range .nope}}x{{else}}empty{{end}}')).toBe('0:web empty');
    expect(run('{{$x := 1}}{{$x = 2}}{{$x}} {{$.kind}}')).toBe('2 Pod');
  });

  it('evaluates if/else if, with, and, or, not, comparisons and index', () => {
    expect(run('{{with .metadata.labels}}{{.app}}{{end}} {{if and .kind (not .nope)}}yes{{else if .x}}no{{end}}')).toBe('web yes');
    expect(run('{{if eq .status.phase "Running" "Pending"}}up{{end}} {{eq .spec.priority 0}} {{lt 1 2}} {{index .metadata.labels "app"}}')).toBe('up true true web');
    expect(() => run('{{eq .spec.priority 0.0}}')).toThrow('template: output:1:2: executing "output" at <eq .spec.priority 0.0>: error calling eq: incompatible types for comparison');
  });

  it('prints like Go: <no value> for missing keys, maps as map[...], floats in %v form', () => {
    expect(run('{{.nope}} {{.nope.x}} {{.metadata.labels}} {{ 1000000 }} {{ 1e6 }} {{ 1.5 }}')).toBe('<no value> <no value> map[app:web] 1000000 1e+06 1.5');
    expect(run('{{print 1 2 "a" "b" 3}}|{{println 1 "a"}}|{{printf "%d %v %s %5.2f %q %x" 3 .spec.priority .kind 3.14159 "a" 255}}')).toBe(
      '1 2ab3|1 a\n|3 0 Pod  3.14 "a" ff',
    );
  });

  it('trims whitespace around trim markers and drops comments', () => {
    expect(run('{{/* c */ -}}  a  {{- "b" -}}  c')).toBe('abc');
  });

  it('reports errors with Go positions and messages', () => {
    expect(() => run('{{.metadata.name.x}}')).toThrow('template: output:1:11: executing "output" at <.metadata.name.x>: can\'t evaluate field x in type interface {}');
    expect(() => run('{{len .nope}}')).toThrow('error calling len: reflect: call of reflect.Value.Type on zero Value');
    expect(() => new GoTemplate('{{.kind')).toThrow('template: output:1: unclosed action');
    expect(() => new GoTemplate('{{nope}}')).toThrow('function "nope" not defined');
  });

  it("has kubectl's base64decode and exists", () => {
    expect(run('{{base64decode .d}} {{exists . "d"}} {{exists . "e"}}', { d: 'aGk=' })).toBe('hi true false');
  });
});
