/**
 * What the first word of a rule id means: the glossary that `ecslint rules` prints and docs/rules/README.md shows above
 * the rules table. Written once, here; test/docs.test.ts checks that every rule's id starts with one of them.
 */
export const RULE_ID_PREFIXES: Readonly<Record<string, string>> = {
  bp: 'best practice: advice for safer, more operable tasks (warnings; most in the strict preset)',
  capacity: 'capacity provider resources',
  cluster: 'cluster settings',
  cps: 'capacity provider strategy of a service or task',
  deploy: 'service deployments (deploymentConfiguration, deploymentController): strategies, bake times, lifecycle hooks, circuit breaker',
  docker: 'Docker volumes (dockerVolumeConfiguration)',
  ebs: 'Amazon EBS volumes configured at launch (volumeConfigurations of a service or run-task input)',
  efs: 'Amazon EFS volumes',
  env: 'environment files (environmentFiles)',
  es: 'ephemeral storage',
  exec: 'what needs a task execution role (executionRoleArn)',
  external: 'what tasks and services on external instances (ECS Anywhere, EXTERNAL) cannot use',
  fargate: 'what Fargate does not support or requires',
  fault: 'fault injection (enableFaultInjection)',
  fsx: 'FSx for Windows File Server volumes',
  gpu: 'GPU resource requirements',
  hc: 'container health checks (healthCheck)',
  iam: 'IAM roles and policies of a template that its task definitions use as task or execution role',
  log: 'log configuration: awslogs, FireLens and other drivers',
  lp: 'Linux parameters (linuxParameters): capabilities, devices, swap, shared memory, tmpfs',
  'managed-instances': 'what tasks on Amazon ECS Managed Instances (MANAGED_INSTANCES) cannot use',
  mount: 'mount points',
  nm: 'network mode (networkMode): awsvpc, bridge, host, none',
  pc: 'placement constraints',
  pm: 'port mappings (portMappings)',
  ps: 'placement strategy',
  ref: 'references between containers and volumes: names, dependsOn, links, volumesFrom',
  repo: 'private registry credentials (repositoryCredentials)',
  restart: 'container restart policy',
  rr: 'resource requirements (resourceRequirements)',
  secret: 'secrets',
  size: 'task and container CPU and memory sizes',
  svc: 'services and run-task inputs',
  sysctl: 'kernel parameters (systemControls)',
  td: 'task definition structure: required members, formats, types, limits',
  to: 'container start and stop timeouts',
  ulimit: 'ulimits',
  vol: 'volumes',
  win: 'Windows containers',
};

/** The glossary entry of a rule id: its longest prefix before a "-"; undefined when none is listed. */
export function prefixOf(id: string): string | undefined {
  const words = id.split('-');
  for (let n = words.length - 1; n >= 1; n--) {
    const prefix = words.slice(0, n).join('-');
    if (Object.hasOwn(RULE_ID_PREFIXES, prefix)) return prefix;
  }
  return undefined;
}
