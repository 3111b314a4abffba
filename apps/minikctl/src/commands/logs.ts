import type { Command } from '../cli/command.js';

/** `minikctl logs`: a container's log, optionally followed. */
export const logsCommand: Command = {
  name: 'logs',
  group: 'Troubleshooting and Debugging Commands:',
  short: 'Print the logs for a container in a pod',
  long: 'Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is optional.',
  example: `  # Return snapshot logs from pod nginx with only one container
  minikctl logs nginx
  
  # Return snapshot logs from pod nginx, prefixing each line with the source pod and container name
  minikctl logs nginx --prefix
  
  # Return snapshot logs from all containers in pod nginx
  minikctl logs nginx --all-containers=true
  
  # Return snapshot logs from all containers in pods defined by label app=nginx
  minikctl logs -l app=nginx --all-containers=true
  
  # Begin streaming the logs of the ruby container in pod web-1
  minikctl logs -f -c ruby web-1
  
  # Display only the most recent 20 lines of output in pod nginx
  minikctl logs --tail=20 nginx
  
  # Show all logs from pod nginx written in the last hour
  minikctl logs --since=1h nginx
  
  # Return snapshot logs from first container of a deployment named nginx
  minikctl logs deployment/nginx`,
  use: 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]',
  flags(f) {
    f.bool('all-containers', undefined, false, 'Get all containers\' logs in the pod(s).')
      .string('container', 'c', '', 'Print the logs of this container')
      .bool('follow', 'f', false, 'Specify if the logs should be streamed.')
      .int('limit-bytes', undefined, 0, 'Maximum bytes of logs to return. Defaults to no limit.')
      .int('max-log-requests', undefined, 5, 'Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5.')
      .bool('prefix', undefined, false, 'Prefix each log line with the log source (pod name and container name)')
      .bool('previous', 'p', false, 'If true, print the logs for the previous instance of the container in a pod if it exists.')
      .string('selector', 'l', '', "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.")
      .string('since', undefined, '', 'Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used.')
      .string('since-time', undefined, '', 'Only return logs after a specific date (RFC3339). Defaults to all logs. Only one of since-time / since may be used.')
      .int('tail', undefined, -1, 'Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.')
      .bool('timestamps', undefined, false, 'Include timestamps on each line in the log output');
  },
  async run(ctx) {
    const { runLogs } = await import('../logs/run-logs.js');
    await runLogs(ctx);
  },
};
