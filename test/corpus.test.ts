/**
 * The real-world corpus (../shared/corpus/real): task definitions and templates written outside this
 * project. Every file must lint without a crash and without a parse error, and the findings on a
 * few files, checked by hand against the AWS docs, are asserted exactly.
 */
import * as fs from 'fs';
import * as path from 'path';

import { CORPUS, describeWhenPresent } from './shared';

const { lintSource } = require('../dist/src/pipeline') as typeof import('../src/pipeline');

const config = { preset: 'all' as const, rules: {}, launchType: 'EC2' as const, docs: 'current' as const };

function lint(file: string) {
  return lintSource(fs.readFileSync(path.join(CORPUS, file), 'utf8'), file, config)!;
}

describeWhenPresent('the real-world corpus', CORPUS, () => {
  const files = fs
    .readdirSync(CORPUS)
    .filter((f) => /\.(json|ya?ml|template)$/.test(f))
    .sort();

  test('the corpus is present', () => {
    expect(files.length).toBeGreaterThan(300);
  });

  test.each(files)('%s parses and lints', (file) => {
    const result = lint(file);
    expect(result.messages.filter((m) => m.ruleId === 'parse-error' || m.ruleId === 'unrecognised-document')).toEqual([]);
    for (const m of result.messages) {
      expect(m.line).toBeGreaterThanOrEqual(1);
      expect(m.column).toBeGreaterThanOrEqual(1);
      expect(m.path).toMatch(/^(\/[^/]*)*$/);
    }
  });

  describe('findings checked by hand', () => {
    test('a template with a repeated Command key reports both repetitions at the second key', () => {
      const dup = lint('pahud__ecs-cfn-refarch__cloudformation_lab11-etcd3.yml').messages.filter((m) => m.ruleId === 'duplicate-key');
      expect(dup.map((m) => [m.line, m.column])).toEqual([
        [1337, 13],
        [1401, 13],
      ]);
    });

    test('a quoted scalar continued at its parent indentation (accepted by CloudFormation) parses', () => {
      const r = lint('aws-samples__ecs-refarch-mixed-mode__templates_ecs-cluster.yaml');
      expect(r.messages.filter((m) => m.ruleId === 'parse-error')).toEqual([]);
    });

    const errors = (file: string) =>
      lint(file)
        .messages.filter((m) => m.severity === 'error')
        .map((m) => ({ ruleId: m.ruleId, path: m.path, line: m.line, column: m.column }));

    test('awsvpc with a hostPort that differs from the containerPort (AWS: "host ports and container ports must match")', () => {
      expect(errors('aws-samples__aws-containers-task-definitions__kibana_kibana_ec2.json')).toEqual([
        { ruleId: 'nm-awsvpc-host-port', path: '/containerDefinitions/0/portMappings/0/hostPort', line: 9, column: 16 },
      ]);
    });

    test('awslogs on Fargate without a task execution role', () => {
      expect(errors('aws-samples__aws-containers-task-definitions__nginx_nginx_fargate.json')).toEqual([
        { ruleId: 'exec-role-fargate-awslogs', path: '/containerDefinitions/0/logConfiguration/logDriver', line: 19, column: 13 },
      ]);
    });

    test('a misspelt awslogs-group option in a CloudFormation template, reported at the Options key', () => {
      expect(errors('franckfeusseu__cloudformation_templates__ECS_pweb-task-definition.yml')).toContainEqual({
        ruleId: 'log-awslogs-required',
        path: '/Resources/PwebTaskDefinition/Properties/ContainerDefinitions/0/LogConfiguration/Options/awslogs-group',
        line: 30,
        column: 13,
      });
    });

    test('an EC2+FARGATE template without NetworkMode, and a host sourcePath, in a cfn-lint bad fixture', () => {
      const found = errors('aws-cloudformation__cfn-lint__test_fixtures_templates_bad_resources_circular_dependency.yaml');
      expect(found).toContainEqual({ ruleId: 'fargate-network-mode', path: '/Resources/taskdefinition/Properties/NetworkMode', line: 222, column: 5 });
      expect(found.map((f) => f.ruleId)).toContain('fargate-no-host-source-path');
    });

    test("FireLens with an S3 configuration file on Fargate (confirmed by the sample's maintainers)", () => {
      expect(errors('aws-samples__amazon-ecs-firelens-examples__examples_splitting-log-streams_fluentd_task_definition.json')).toContainEqual({
        ruleId: 'log-firelens-config-file',
        path: '/containerDefinitions/0/firelensConfiguration/options/config-file-type',
        line: 17,
        column: 6,
      });
    });

    test('placeholder values where CloudFormation wants objects', () => {
      expect(errors('franckfeusseu__cloudformation_templates__ECS_task-definition.yml').map((f) => [f.ruleId, f.path, f.line])).toEqual(
        expect.arrayContaining([
          ['td-type', '/Resources/MyTask/Properties/RuntimePlatform', 70],
          ['td-type', '/Resources/MyTask/Properties/Tags/0', 73],
          ['td-type', '/Resources/MyTask/Properties/Volumes/0', 76],
        ]),
      );
    });

    test.each([
      'aws-cloudformation__aws-cloudformation-templates__ECS_FargateLaunchType_services_public-service.yaml',
      'aws-cloudformation__aws-cloudformation-templates__ECS_EC2LaunchType_services_public-service.yaml',
      'aws-samples__amazon-ecs-firelens-examples__examples_fluent-bit_datadog_task-definition.json',
      '1Strategy__fargate-cloudformation-example__fargate.yaml',
    ])('no error on a definition AWS accepts: %s', (file) => {
      expect(errors(file)).toEqual([]);
    });
  });
});
