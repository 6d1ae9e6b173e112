/**
 * Terraform AWS provider argument and block names of `aws_ecs_task_definition` and `aws_ecs_service`, and
 * the Amazon ECS API members they become (RegisterTaskDefinition, CreateService). Data only.
 *
 * Sources, as of 2026-12-02:
 * - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_task_definition
 * - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_service
 *   (website/docs/r/ecs_service.html.markdown in hashicorp/terraform-provider-aws, v6 series)
 * - the provider's schema and expand functions: internal/service/ecs/task_definition.go and service.go in
 *   https://github.com/hashicorp/terraform-provider-aws (and `terraform providers schema -json` of
 *   provider 5.100.0)
 * - the ECS API model: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html
 *   and https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html
 *
 * `container_definitions` is the API's containerDefinitions list as a JSON string: its members keep their
 * API names and need no table.
 */

/** How a value changes form between Terraform and the API. */
export type Conversion =
  /** A JSON document held in a string (container_definitions, hook_details). */
  | 'json-string'
  /** Terraform stores the value as a string; a number written in HCL becomes its decimal text (cpu = 256 -> "256"). */
  | 'string'
  /** A bool that the API spells "ENABLED" / "DISABLED" (assign_public_ip). */
  | 'enabled-disabled'
  /** A map that the API lists as [{ key, value }] (tags). */
  | 'map-to-tag-list'
  /** A map that the API lists as [{ name, value }] (proxy_configuration.properties). */
  | 'map-to-name-value-list';

/**
 * The Terraform type of an argument that is not a string (`terraform providers schema -json`). Terraform
 * converts a value written with another type to this one before the provider sees it (`"30"` for a number,
 * `256` for a string, `"true"` for a bool), so the normaliser does the same.
 */
export type TerraformType = 'number' | 'bool' | 'list' | 'map';

export interface ArgumentName {
  /**
   * Where the value goes, as a dotted path from the API object that holds the block. More than one
   * segment means the API nests it (`host.sourcePath`, `deploymentConfiguration.maximumPercent`).
   * Null for arguments that only steer Terraform.
   */
  api: string | null;
  /** For a nested block: its own arguments. */
  block?: BlockNames;
  /**
   * For a nested block: `list` when the API member is a list with one item per block, `object` when it
   * is one object (the provider allows the block once).
   */
  shape?: 'list' | 'object';
  convert?: Conversion;
  /** Not a string: see TerraformType. Blocks have none. */
  type?: TerraformType;
  /** Why the mapping is not the plain snake_case -> camelCase one, or what else to know. */
  note?: string;
}

export type BlockNames = Readonly<Record<string, ArgumentName>>;

const TERRAFORM_ONLY: ArgumentName = { api: null, note: 'Terraform-only: not sent to ECS.' };

const tagsArgument: ArgumentName = { api: 'tags', convert: 'map-to-tag-list', type: 'map' };

const efsAuthorizationConfig: BlockNames = {
  access_point_id: { api: 'accessPointId' },
  iam: { api: 'iam' },
};

const fsxAuthorizationConfig: BlockNames = {
  credentials_parameter: { api: 'credentialsParameter' },
  domain: { api: 'domain' },
};

const volume: BlockNames = {
  name: { api: 'name' },
  host_path: { api: 'host.sourcePath', note: 'A string in Terraform; the API nests it: host: { sourcePath }.' },
  configure_at_launch: { api: 'configuredAtLaunch', type: 'bool', note: 'The API member is "configured", not "configure".' },
  docker_volume_configuration: {
    api: 'dockerVolumeConfiguration',
    shape: 'object',
    block: {
      scope: { api: 'scope' },
      autoprovision: { api: 'autoprovision', type: 'bool' },
      driver: { api: 'driver' },
      driver_opts: { api: 'driverOpts', type: 'map' },
      labels: { api: 'labels', type: 'map' },
    },
  },
  efs_volume_configuration: {
    api: 'efsVolumeConfiguration',
    shape: 'object',
    block: {
      file_system_id: { api: 'fileSystemId' },
      root_directory: { api: 'rootDirectory' },
      transit_encryption: { api: 'transitEncryption' },
      transit_encryption_port: { api: 'transitEncryptionPort', type: 'number' },
      authorization_config: { api: 'authorizationConfig', shape: 'object', block: efsAuthorizationConfig },
    },
  },
  fsx_windows_file_server_volume_configuration: {
    api: 'fsxWindowsFileServerVolumeConfiguration',
    shape: 'object',
    block: {
      file_system_id: { api: 'fileSystemId' },
      root_directory: { api: 'rootDirectory' },
      authorization_config: { api: 'authorizationConfig', shape: 'object', block: fsxAuthorizationConfig },
    },
  },
  s3files_volume_configuration: {
    api: 's3filesVolumeConfiguration',
    shape: 'object',
    note: 'Provider 6.41 and later. The API member is spelled with a lower-case f.',
    block: {
      file_system_arn: { api: 'fileSystemArn' },
      root_directory: { api: 'rootDirectory' },
      access_point_arn: { api: 'accessPointArn' },
      transit_encryption_port: { api: 'transitEncryptionPort', type: 'number' },
    },
  },
};

const placementConstraint: BlockNames = {
  type: { api: 'type' },
  expression: { api: 'expression' },
};

/** aws_ecs_task_definition -> RegisterTaskDefinition. */
export const TASK_DEFINITION_NAMES: BlockNames = {
  family: { api: 'family' },
  container_definitions: { api: 'containerDefinitions', convert: 'json-string' },
  task_role_arn: { api: 'taskRoleArn' },
  execution_role_arn: { api: 'executionRoleArn' },
  network_mode: { api: 'networkMode' },
  ipc_mode: { api: 'ipcMode' },
  pid_mode: { api: 'pidMode' },
  cpu: { api: 'cpu', convert: 'string' },
  memory: { api: 'memory', convert: 'string' },
  requires_compatibilities: { api: 'requiresCompatibilities', type: 'list', note: 'A set in Terraform; a list in the API.' },
  enable_fault_injection: { api: 'enableFaultInjection', type: 'bool' },
  tags: tagsArgument,
  volume: { api: 'volumes', shape: 'list', block: volume, note: 'Singular block name; the API list is plural.' },
  placement_constraints: { api: 'placementConstraints', shape: 'list', block: placementConstraint },
  proxy_configuration: {
    api: 'proxyConfiguration',
    shape: 'object',
    block: {
      type: { api: 'type' },
      container_name: { api: 'containerName' },
      properties: { api: 'properties', convert: 'map-to-name-value-list', type: 'map' },
    },
  },
  inference_accelerator: {
    api: 'inferenceAccelerators',
    shape: 'list',
    block: { device_name: { api: 'deviceName' }, device_type: { api: 'deviceType' } },
  },
  ephemeral_storage: {
    api: 'ephemeralStorage',
    shape: 'object',
    block: { size_in_gib: { api: 'sizeInGiB', type: 'number', note: 'The API capitalises GiB.' } },
  },
  runtime_platform: {
    api: 'runtimePlatform',
    shape: 'object',
    block: { cpu_architecture: { api: 'cpuArchitecture' }, operating_system_family: { api: 'operatingSystemFamily' } },
  },
  skip_destroy: TERRAFORM_ONLY,
  track_latest: TERRAFORM_ONLY,
  region: TERRAFORM_ONLY,
  tags_all: TERRAFORM_ONLY,
};

const serviceConnectService: BlockNames = {
  port_name: { api: 'portName' },
  discovery_name: { api: 'discoveryName' },
  ingress_port_override: { api: 'ingressPortOverride', type: 'number' },
  client_alias: {
    api: 'clientAliases',
    shape: 'list',
    block: {
      port: { api: 'port', type: 'number' },
      dns_name: { api: 'dnsName' },
      test_traffic_rules: {
        api: 'testTrafficRules',
        shape: 'object',
        block: {
          header: {
            api: 'header',
            shape: 'object',
            block: { name: { api: 'name' }, value: { api: 'value', shape: 'object', block: { exact: { api: 'exact' } } } },
          },
        },
      },
    },
  },
  timeout: {
    api: 'timeout',
    shape: 'object',
    block: { idle_timeout_seconds: { api: 'idleTimeoutSeconds', type: 'number' }, per_request_timeout_seconds: { api: 'perRequestTimeoutSeconds', type: 'number' } },
  },
  tls: {
    api: 'tls',
    shape: 'object',
    block: {
      issuer_cert_authority: {
        api: 'issuerCertificateAuthority',
        shape: 'object',
        note: '"cert" in Terraform, "Certificate" in the API.',
        block: { aws_pca_authority_arn: { api: 'awsPcaAuthorityArn' } },
      },
      kms_key: { api: 'kmsKey' },
      role_arn: { api: 'roleArn' },
    },
  },
};

/** aws_ecs_service -> CreateService. */
export const SERVICE_NAMES: BlockNames = {
  name: { api: 'serviceName' },
  cluster: { api: 'cluster' },
  task_definition: { api: 'taskDefinition' },
  desired_count: { api: 'desiredCount', type: 'number' },
  launch_type: { api: 'launchType' },
  platform_version: { api: 'platformVersion' },
  scheduling_strategy: { api: 'schedulingStrategy' },
  iam_role: { api: 'role' },
  health_check_grace_period_seconds: { api: 'healthCheckGracePeriodSeconds', type: 'number' },
  enable_ecs_managed_tags: { api: 'enableECSManagedTags', type: 'bool', note: 'The API capitalises ECS.' },
  enable_execute_command: { api: 'enableExecuteCommand', type: 'bool' },
  propagate_tags: { api: 'propagateTags' },
  availability_zone_rebalancing: { api: 'availabilityZoneRebalancing' },
  tags: tagsArgument,
  deployment_maximum_percent: { api: 'deploymentConfiguration.maximumPercent', type: 'number' },
  deployment_minimum_healthy_percent: { api: 'deploymentConfiguration.minimumHealthyPercent', type: 'number' },
  deployment_circuit_breaker: {
    api: 'deploymentConfiguration.deploymentCircuitBreaker',
    shape: 'object',
    block: { enable: { api: 'enable', type: 'bool' }, rollback: { api: 'rollback', type: 'bool' } },
  },
  alarms: {
    api: 'deploymentConfiguration.alarms',
    shape: 'object',
    block: { alarm_names: { api: 'alarmNames', type: 'list' }, enable: { api: 'enable', type: 'bool' }, rollback: { api: 'rollback', type: 'bool' } },
  },
  deployment_configuration: {
    api: 'deploymentConfiguration',
    shape: 'object',
    note: 'Provider 6 and later; shares the API object with deployment_maximum_percent, deployment_minimum_healthy_percent, deployment_circuit_breaker and alarms.',
    block: {
      strategy: { api: 'strategy' },
      bake_time_in_minutes: { api: 'bakeTimeInMinutes' },
      canary_configuration: {
        api: 'canaryConfiguration',
        shape: 'object',
        block: { canary_percent: { api: 'canaryPercent' }, canary_bake_time_in_minutes: { api: 'canaryBakeTimeInMinutes' } },
      },
      linear_configuration: {
        api: 'linearConfiguration',
        shape: 'object',
        block: { step_percent: { api: 'stepPercent' }, step_bake_time_in_minutes: { api: 'stepBakeTimeInMinutes' } },
      },
      lifecycle_hook: {
        api: 'lifecycleHooks',
        shape: 'list',
        block: {
          hook_target_arn: { api: 'hookTargetArn' },
          role_arn: { api: 'roleArn' },
          lifecycle_stages: { api: 'lifecycleStages', type: 'list' },
          hook_details: { api: 'hookDetails', convert: 'json-string' },
        },
      },
    },
  },
  deployment_controller: { api: 'deploymentController', shape: 'object', block: { type: { api: 'type' } } },
  capacity_provider_strategy: {
    api: 'capacityProviderStrategy',
    shape: 'list',
    block: { capacity_provider: { api: 'capacityProvider' }, weight: { api: 'weight', type: 'number' }, base: { api: 'base', type: 'number' } },
  },
  ordered_placement_strategy: {
    api: 'placementStrategy',
    shape: 'list',
    note: 'Renamed: ordered_placement_strategy -> placementStrategy.',
    block: { type: { api: 'type' }, field: { api: 'field' } },
  },
  placement_constraints: { api: 'placementConstraints', shape: 'list', block: placementConstraint },
  load_balancer: {
    api: 'loadBalancers',
    shape: 'list',
    block: {
      target_group_arn: { api: 'targetGroupArn' },
      elb_name: { api: 'loadBalancerName', note: 'Classic Load Balancer name.' },
      container_name: { api: 'containerName' },
      container_port: { api: 'containerPort', type: 'number' },
      advanced_configuration: {
        api: 'advancedConfiguration',
        shape: 'object',
        block: {
          alternate_target_group_arn: { api: 'alternateTargetGroupArn' },
          production_listener_rule: { api: 'productionListenerRule' },
          test_listener_rule: { api: 'testListenerRule' },
          role_arn: { api: 'roleArn' },
        },
      },
    },
  },
  network_configuration: {
    api: 'networkConfiguration.awsvpcConfiguration',
    shape: 'object',
    note: 'The API nests the members one level deeper, under awsvpcConfiguration.',
    block: {
      subnets: { api: 'subnets', type: 'list' },
      security_groups: { api: 'securityGroups', type: 'list' },
      assign_public_ip: { api: 'assignPublicIp', convert: 'enabled-disabled', type: 'bool', note: 'true/false in Terraform; "ENABLED"/"DISABLED" in the API.' },
    },
  },
  service_registries: {
    api: 'serviceRegistries',
    shape: 'list',
    block: {
      registry_arn: { api: 'registryArn' },
      port: { api: 'port', type: 'number' },
      container_name: { api: 'containerName' },
      container_port: { api: 'containerPort', type: 'number' },
    },
  },
  service_connect_configuration: {
    api: 'serviceConnectConfiguration',
    shape: 'object',
    block: {
      enabled: { api: 'enabled', type: 'bool' },
      namespace: { api: 'namespace' },
      service: { api: 'services', shape: 'list', block: serviceConnectService },
      log_configuration: {
        api: 'logConfiguration',
        shape: 'object',
        block: {
          log_driver: { api: 'logDriver' },
          options: { api: 'options', type: 'map' },
          secret_option: { api: 'secretOptions', shape: 'list', block: { name: { api: 'name' }, value_from: { api: 'valueFrom' } } },
        },
      },
    },
  },
  volume_configuration: {
    api: 'volumeConfigurations',
    shape: 'list',
    note: 'The API takes a list; the provider allows one block.',
    block: {
      name: { api: 'name' },
      managed_ebs_volume: {
        api: 'managedEBSVolume',
        shape: 'object',
        block: {
          role_arn: { api: 'roleArn' },
          encrypted: { api: 'encrypted', type: 'bool' },
          file_system_type: { api: 'filesystemType', note: 'One word in the API.' },
          iops: { api: 'iops', type: 'number' },
          kms_key_id: { api: 'kmsKeyId' },
          size_in_gb: { api: 'sizeInGiB', type: 'number', note: '"gb" in Terraform, "GiB" in the API.' },
          snapshot_id: { api: 'snapshotId' },
          throughput: { api: 'throughput', type: 'number' },
          volume_initialization_rate: { api: 'volumeInitializationRate', type: 'number' },
          volume_type: { api: 'volumeType' },
          tag_specifications: {
            api: 'tagSpecifications',
            shape: 'list',
            block: { resource_type: { api: 'resourceType' }, propagate_tags: { api: 'propagateTags' }, tags: tagsArgument },
          },
        },
      },
    },
  },
  vpc_lattice_configurations: {
    api: 'vpcLatticeConfigurations',
    shape: 'list',
    block: { role_arn: { api: 'roleArn' }, target_group_arn: { api: 'targetGroupArn' }, port_name: { api: 'portName' } },
  },
  force_new_deployment: { api: null, note: 'Terraform-only for CreateService; Terraform passes it to UpdateService.' },
  force_delete: TERRAFORM_ONLY,
  wait_for_steady_state: TERRAFORM_ONLY,
  sigint_rollback: TERRAFORM_ONLY,
  triggers: TERRAFORM_ONLY,
  timeouts: TERRAFORM_ONLY,
  region: TERRAFORM_ONLY,
  tags_all: TERRAFORM_ONLY,
};

/** Terraform resource type -> its table. */
export const RESOURCE_NAMES: Readonly<Record<string, BlockNames>> = {
  aws_ecs_task_definition: TASK_DEFINITION_NAMES,
  aws_ecs_service: SERVICE_NAMES,
};

/** Terraform's own arguments and blocks, valid in every resource (https://developer.hashicorp.com/terraform/language/meta-arguments). */
export const META_ARGUMENTS: readonly string[] = ['count', 'for_each', 'depends_on', 'provider', 'lifecycle', 'provisioner', 'connection'];
