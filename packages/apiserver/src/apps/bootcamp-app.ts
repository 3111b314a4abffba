import { shortRepository } from './image-reference.js';
import type { AppProcess, AppStartContext, SimulatedApp } from './simulated-app.js';

// The repositories the Kubernetes Basics tutorial has used for its sample app.
const repositories = new Set(['google-samples/kubernetes-bootcamp', 'jocatalin/kubernetes-bootcamp', 'k8s-minikube/kubernetes-bootcamp']);

/** JavaScript's `console.log` of a number: `446.976`, `12`. */
const jsNumber = (n: number): string => String(n);

/**
 * The tutorial's `kubernetes-bootcamp` app (a tiny Node.js server.js on 8080). It answers every
 * request with `Hello Kubernetes bootcamp! | Running on: <pod> | v=<n>` and logs its start and
 * each request, in the real app's words:
 * `Kubernetes Bootcamp App Started At: <ISO date> | Running On:  <pod> ` then an empty line, and
 * `Running On: <pod> | Total Requests: <n> | App Uptime: <s> seconds | Log Time: <ISO date>`.
 */
export const bootcampApp: SimulatedApp = {
  name: 'kubernetes-bootcamp',
  description:
    'The tutorial app: answers on 8080 with `Hello Kubernetes bootcamp! | Running on: <pod> | v=1` (v2: `v=2`) and logs its start and every request; tags v1 and v2 exist, any other (v10) fails to pull',
  matches: (image) => repositories.has(shortRepository(image)),
  tags: ['v1', 'v2'],
  imageSize: 82_137_456,
  start(context: AppStartContext): AppProcess {
    const version = context.image.tag === 'v2' ? '2' : '1';
    const host = context.env['HOSTNAME'] ?? context.pod.name;
    const startTime = context.now();
    let requests = 0;
    // console.log('Kubernetes Bootcamp App Started At:', startTime, '| Running On: ', host, '\n')
    context.log(`Kubernetes Bootcamp App Started At: ${new Date(startTime).toISOString()} | Running On:  ${host} \n`);
    return {
      ports: [8080],
      handle() {
        requests++;
        const now = context.now();
        context.log(
          `Running On: ${host} | Total Requests: ${requests} | App Uptime: ${jsNumber((now - startTime) / 1000)} seconds | Log Time: ${new Date(now).toISOString()}`,
        );
        return {
          status: 200,
          headers: { 'content-type': 'text/plain' },
          body: `Hello Kubernetes bootcamp! | Running on: ${host} | v=${version}\n`,
        };
      },
    };
  },
};
