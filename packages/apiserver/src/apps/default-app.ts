import type { AppProcess, AppStartContext, SimulatedApp } from './simulated-app.js';

/**
 * Any image minik has no simulation for: it runs until stopped and answers HTTP on every port
 * with one line saying that it is simulated and naming pod, container, image and port.
 */
export const defaultApp: SimulatedApp = {
  name: 'default',
  description: 'Any other image: runs until stopped and answers every port with one line naming the pod, container, image and port, saying it is simulated',
  matches: () => true,
  start(context: AppStartContext): AppProcess {
    const { pod, container, image } = context;
    context.log(`minik: simulated container "${container.name}" (image ${image.original}) started in pod ${pod.namespace}/${pod.name}`);
    return {
      ports: 'any',
      handle(request) {
        return {
          status: 200,
          headers: { 'content-type': 'text/plain; charset=utf-8' },
          body: `minik simulated app | pod: ${pod.namespace}/${pod.name} | container: ${container.name} | image: ${image.original} | port: ${request.port} | ${request.method} ${request.path}\n`,
        };
      },
    };
  },
};
