/**
 * CloudFormation Conditions: which assignments of a unit's conditions can deploy, how a scenario resolves the
 * Properties (Fn::If, AWS::NoValue, Fn::FindInMap) with a way back to the branch as written, and how findings of
 * the scenarios are merged and worded.
 */
const { ConditionModel, conditionsUsedIn } = require('../dist/src/load/cfn-conditions') as typeof import('../src/load/cfn-conditions');
const { normalise } = require('../dist/src/load/normalise') as typeof import('../src/load/normalise');
const { describeScenarios, mergeScenarioFindings } = require('../dist/src/report/scenarios') as typeof import('../src/report/scenarios');
const { lintSource } = require('../dist/src/pipeline') as typeof import('../src/pipeline');
const { Unknown } = require('../dist/src/model/unknown') as typeof import('../src/model/unknown');

type Template = Record<string, unknown>;

/** The scenarios of `used`, each as "A=1 B=0" (sorted), for compact expectations. */
function scenarios(template: Template, used: string[], own?: string, cap?: number): string[] | string {
  const set = new ConditionModel(template).scenariosFor(used, own, cap);
  if (set.kind !== 'scenarios') return set.kind;
  return set.scenarios
    .map((s) =>
      Object.entries(s.conditions)
        .map(([k, v]) => `${k}=${v ? 1 : 0}`)
        .join(' '),
    )
    .sort();
}

const eq = (parameter: string, value: unknown) => ({ 'Fn::Equals': [{ Ref: parameter }, value] });

describe('ConditionModel', () => {
  test('independent parameters give every combination', () => {
    const t = { Conditions: { A: eq('P', 'x'), B: eq('Q', 'y') } };
    expect(scenarios(t, ['A', 'B'])).toEqual(['A=0 B=0', 'A=0 B=1', 'A=1 B=0', 'A=1 B=1']);
  });

  test('Equals on one parameter: at most one value holds', () => {
    const t = { Conditions: { IsDev: eq('Env', 'dev'), IsProd: eq('Env', 'prod') } };
    expect(scenarios(t, ['IsDev', 'IsProd'])).toEqual(['IsDev=0 IsProd=0', 'IsDev=0 IsProd=1', 'IsDev=1 IsProd=0']);
  });

  test('Equals on one parameter with AllowedValues: exactly one allowed value holds, others never', () => {
    const t = {
      Parameters: { Env: { Type: 'String', AllowedValues: ['dev', 'prod'] } },
      Conditions: { IsDev: eq('Env', 'dev'), IsProd: { 'Fn::Equals': ['prod', { Ref: 'Env' }] }, IsTest: eq('Env', 'test') },
    };
    expect(scenarios(t, ['IsDev', 'IsProd', 'IsTest'])).toEqual(['IsDev=0 IsProd=1 IsTest=0', 'IsDev=1 IsProd=0 IsTest=0']);
  });

  test('AllowedValues wider than the compared values leave room for neither', () => {
    const t = { Parameters: { Env: { AllowedValues: ['dev', 'prod', 'test'] } }, Conditions: { IsDev: eq('Env', 'dev'), IsProd: eq('Env', 'prod') } };
    expect(scenarios(t, ['IsDev', 'IsProd'])).toHaveLength(3);
  });

  test('a condition implies the conditions built on it (Not, And, Or, Condition)', () => {
    const t = {
      Conditions: {
        IsProd: eq('Env', 'prod'),
        IsDev: { 'Fn::Not': [{ Condition: 'IsProd' }] },
        ProdInEurope: { 'Fn::And': [{ Condition: 'IsProd' }, eq('AWS::Region', 'eu-west-1')] },
        DevOrEurope: { 'Fn::Or': [{ Condition: 'IsDev' }, eq('AWS::Region', 'eu-west-1')] },
      },
    };
    expect(scenarios(t, ['IsProd', 'IsDev', 'ProdInEurope', 'DevOrEurope'])).toEqual([
      'DevOrEurope=0 IsDev=0 IsProd=1 ProdInEurope=0',
      'DevOrEurope=1 IsDev=0 IsProd=1 ProdInEurope=1',
      'DevOrEurope=1 IsDev=1 IsProd=0 ProdInEurope=0',
    ]);
  });

  test('the resource’s own Condition holds in every scenario', () => {
    const t = { Conditions: { IsProd: eq('Env', 'prod'), Big: eq('Size', 'big'), ProdAndBig: { 'Fn::And': [{ Condition: 'IsProd' }, { Condition: 'Big' }] } } };
    expect(scenarios(t, ['IsProd', 'Big'], 'ProdAndBig')).toEqual(['Big=1 IsProd=1']);
    expect(scenarios(t, ['Big'], 'IsProd')).toEqual(['Big=0', 'Big=1']);
  });

  test('a resource whose Condition can never hold has no scenario', () => {
    const t = { Conditions: { A: eq('P', 'x'), NotA: { 'Fn::Not': [{ Condition: 'A' }] }, Never: { 'Fn::And': [{ Condition: 'A' }, { Condition: 'NotA' }] } } };
    expect(scenarios(t, ['A'], 'Never')).toBe('never');
  });

  test('Equals of two literals is a constant; other forms are opaque atoms, equal ones shared', () => {
    const t = {
      Conditions: {
        Always: { 'Fn::Equals': ['a', 'a'] },
        Never: { 'Fn::Equals': [1, '2'] },
        BoolTrue: { 'Fn::Equals': [true, 'true'] },
        Joined: { 'Fn::Not': [{ 'Fn::Equals': [{ 'Fn::Join': ['', { Ref: 'L' }] }, ''] }] },
        JoinedEmpty: { 'Fn::Equals': [{ 'Fn::Join': ['', { Ref: 'L' }] }, ''] },
      },
    };
    expect(scenarios(t, ['Always', 'Never', 'BoolTrue'])).toEqual(['Always=1 BoolTrue=1 Never=0']);
    expect(scenarios(t, ['Joined', 'JoinedEmpty'])).toEqual(['Joined=0 JoinedEmpty=1', 'Joined=1 JoinedEmpty=0']);
  });

  test('a condition the template does not define is an independent atom; a cycle does not hang', () => {
    const t = { Conditions: { Loop: { 'Fn::Not': [{ Condition: 'Loop' }] } } };
    expect(scenarios(t, ['Missing'])).toEqual(['Missing=0', 'Missing=1']);
    expect(scenarios(t, ['Loop'])).toHaveLength(1);
  });

  test('more distinct scenarios than the cap are capped', () => {
    const Conditions: Record<string, unknown> = {};
    for (let i = 0; i < 7; i++) Conditions[`C${i}`] = eq(`P${i}`, 'on');
    const t = { Conditions };
    expect(scenarios(t, Object.keys(Conditions))).toBe('capped');
    expect(scenarios(t, Object.keys(Conditions), undefined, 200)).toHaveLength(128);
    expect(scenarios(t, ['C0', 'C1'])).toHaveLength(4);
  });

  test('conditionsUsedIn finds every Fn::If, nested ones too', () => {
    const properties = { A: { 'Fn::If': ['X', { B: { 'Fn::If': ['Y', 1, 2] } }, 3] }, L: [{ 'Fn::If': ['Z', 1, { Ref: 'AWS::NoValue' }] }] };
    expect([...conditionsUsedIn(properties)].sort()).toEqual(['X', 'Y', 'Z']);
  });
});

describe('normalise under a scenario', () => {
  const properties = {
    Cpu: { 'Fn::If': ['IsDev', 256, 1024] },
    ContainerDefinitions: [
      { 'Fn::If': ['IsDev', { Ref: 'AWS::NoValue' }, { Name: 'sidecar' }] },
      {
        Name: 'web',
        Privileged: { 'Fn::If': ['IsDev', { 'Fn::If': ['Big', true, false] }, { Ref: 'AWS::NoValue' }] },
        PortMappings: [{ Ref: 'AWS::NoValue' }, { ContainerPort: 80 }],
      },
    ],
    Memory: { 'Fn::FindInMap': ['Sizes', { 'Fn::If': ['IsDev', 'small', 'large'] }, 'Memory'] },
    Volumes: { 'Fn::FindInMap': ['Vols', 'all', 'List'] },
  };
  const mappings = { Sizes: { small: { Memory: 512 }, large: { Memory: 2048 } }, Vols: { all: { List: [{ Name: 'a' }] } } };

  test('Fn::If takes its branch, AWS::NoValue removes the member or item, FindInMap reads Mappings', () => {
    const dev = normalise(properties, 'cloudformation', { conditions: { IsDev: true, Big: true }, mappings });
    expect(dev.value).toEqual({ cpu: 256, containerDefinitions: [{ name: 'web', privileged: true, portMappings: [{ containerPort: 80 }] }], memory: 512, volumes: [{ name: 'a' }] });
    const prod = normalise(properties, 'cloudformation', { conditions: { IsDev: false, Big: true }, mappings });
    expect(prod.value).toEqual({ cpu: 1024, containerDefinitions: [{ name: 'sidecar' }, { name: 'web', portMappings: [{ containerPort: 80 }] }], memory: 2048, volumes: [{ name: 'a' }] });
  });

  test('paths map into the branch as written, and list indices to the items as written', () => {
    const dev = normalise(properties, 'cloudformation', { conditions: { IsDev: true, Big: true }, mappings });
    expect(dev.toSource(['cpu'])).toEqual(['Cpu', 'Fn::If', '1']);
    expect(dev.toSource(['containerDefinitions', 0, 'privileged'])).toEqual(['ContainerDefinitions', '1', 'Privileged', 'Fn::If', '1', 'Fn::If', '1']);
    expect(dev.toSource(['containerDefinitions', 0, 'portMappings', 0, 'containerPort'])).toEqual(['ContainerDefinitions', '1', 'PortMappings', '1', 'ContainerPort']);
    const prod = normalise(properties, 'cloudformation', { conditions: { IsDev: false, Big: false }, mappings });
    expect(prod.toSource(['containerDefinitions', 0, 'name'])).toEqual(['ContainerDefinitions', '0', 'Fn::If', '2', 'Name']);
    // A member that the scenario removes is placed where it is written.
    expect(prod.toSource(['containerDefinitions', 1, 'privileged'])).toEqual(['ContainerDefinitions', '1', 'Privileged']);
    // Values read from Mappings are not in the resource: a path into them stops at the Fn::FindInMap.
    expect(prod.toSource(['volumes', 0, 'name'])).toEqual(['Volumes']);
    expect(prod.toSource(['memory'])).toEqual(['Memory']);
  });

  test('without a scenario an Fn::If stays unknown, while AWS::NoValue and literal FindInMap keys still resolve', () => {
    const base = normalise(properties, 'cloudformation', { mappings });
    expect(base.value.cpu).toBeInstanceOf(Unknown);
    expect(base.value.memory).toBeInstanceOf(Unknown);
    expect(base.value.volumes).toEqual([{ name: 'a' }]);
    const web = (base.value.containerDefinitions as Array<Record<string, unknown>>)[1];
    expect(web.portMappings).toEqual([{ containerPort: 80 }]);
    expect(base.toSource(['containerDefinitions', 1, 'portMappings', 0])).toEqual(['ContainerDefinitions', '1', 'PortMappings', '1']);
  });

  test('a FindInMap that misses takes its DefaultValue, or stays unknown', () => {
    const n = normalise({ A: { 'Fn::FindInMap': ['Sizes', 'none', 'Memory', { DefaultValue: 64 }] }, B: { 'Fn::FindInMap': ['Sizes', 'none', 'Memory'] } }, 'cloudformation', { mappings });
    expect(n.value.a).toBe(64);
    expect(n.toSource(['a'])).toEqual(['A', 'Fn::FindInMap', '3', 'DefaultValue']);
    expect(n.value.b).toBeInstanceOf(Unknown);
  });
});

describe('merging the findings of scenarios', () => {
  const all = [
    { name: 'a', conditions: { IsDev: true, UseSpot: true } },
    { name: 'b', conditions: { IsDev: true, UseSpot: false } },
    { name: 'c', conditions: { IsDev: false, UseSpot: true } },
    { name: 'd', conditions: { IsDev: false, UseSpot: false } },
  ];

  test('the shortest description of the scenarios where a finding holds', () => {
    expect(describeScenarios([0, 1], all)).toBe('when IsDev is true');
    expect(describeScenarios([1], all)).toBe('when IsDev is true and UseSpot is false');
    expect(describeScenarios([0, 1, 3], all)).toBe('when IsDev is true, or when UseSpot is false');
  });

  test('conditions with one value in every scenario are not named', () => {
    const fixed = [
      { name: 'a', conditions: { IsDev: true, IsProd: false, Region: true } },
      { name: 'b', conditions: { IsDev: false, IsProd: true, Region: true } },
    ];
    expect(describeScenarios([0], fixed)).toBe('when IsDev is true');
  });

  test('a finding of every scenario is reported once as it is; one of some scenarios names them', () => {
    const finding = (message: string, path = '/Resources/T/Properties/Cpu') => ({ ruleId: 'r', severity: 'error' as const, message, path, line: 1, column: 1, endLine: 1, endColumn: 2 });
    const merged = mergeScenarioFindings(
      all.map((scenario, i) => ({
        scenario,
        findings: [finding('Always.'), ...(scenario.conditions.IsDev ? [finding('Dev only.', '/Resources/T/Properties/Cpu/Fn::If/1')] : []), ...(i === 3 ? [finding('No period')] : [])],
      })),
    );
    expect(merged.map((f) => f.message)).toEqual(['Always.', 'Dev only (when IsDev is true).', 'No period (when IsDev is false and UseSpot is false)']);
  });
});

describe('condition scenarios end to end', () => {
  const config = { preset: 'recommended' as const, rules: {}, launchType: 'EC2' as const, docs: 'current' as const };

  test('a unit with too many scenarios is checked once with unknown branches, and says so', () => {
    const conditions = Array.from({ length: 7 }, (_, i) => `  C${i}: !Equals [!Ref P${i}, "on"]`).join('\n');
    const members = Array.from({ length: 7 }, (_, i) => `          - !If [C${i}, { Name: E${i}, Value: "1" }, !Ref AWS::NoValue]`).join('\n');
    const text = `Conditions:\n${conditions}\nResources:\n  Web:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      RequiresCompatibilities: [FARGATE]\n      NetworkMode: awsvpc\n      Cpu: 256\n      Memory: 512\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          Privileged: !If [C0, true, false]\n          Environment:\n${members}\n`;
    const result = lintSource(text, 'capped.yaml', config)!;
    const note = result.messages.find((m) => m.ruleId === 'condition-scenarios-capped');
    expect(note).toMatchObject({ severity: 'info', path: '/Resources/Web/Properties', line: 12 });
    expect(note!.message).toContain('Web uses 7 conditions (C0, C1, C2, C3, C4 and 2 more) in more than 64 combinations');
    expect(result.messages.filter((m) => m.ruleId === 'fargate-no-privileged')).toEqual([]);
  });

  test('the capped note can be turned off like a rule', () => {
    const conditions = Array.from({ length: 7 }, (_, i) => `  C${i}: !Equals [!Ref P${i}, "on"]`).join('\n');
    const flags = Array.from({ length: 7 }, (_, i) => `            E${i}: !If [C${i}, "1", "0"]`).join('\n');
    const text = `Conditions:\n${conditions}\nResources:\n  Web:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          Memory: 256\n          DockerLabels:\n${flags}\n`;
    expect(lintSource(text, 'capped.yaml', config)!.messages.map((m) => m.ruleId)).toContain('condition-scenarios-capped');
    expect(lintSource(text, 'capped.yaml', { ...config, rules: { 'condition-scenarios-capped': 'off' } })!.messages.map((m) => m.ruleId)).not.toContain('condition-scenarios-capped');
  });

  test('a Metadata ignore of the resource covers the findings of every scenario', () => {
    const text = `Conditions:\n  IsDev: !Equals [!Ref Env, dev]\nResources:\n  Web:\n    Type: AWS::ECS::TaskDefinition\n    Metadata:\n      ecslint:\n        ignore: [fargate-no-privileged]\n    Properties:\n      RequiresCompatibilities: [FARGATE]\n      NetworkMode: awsvpc\n      Cpu: 256\n      Memory: 512\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          Privileged: !If [IsDev, true, false]\n`;
    const result = lintSource(text, 'ignored.yaml', config)!;
    expect(result.messages.filter((m) => m.ruleId === 'fargate-no-privileged')).toEqual([]);
    expect(result.taskDefinitions).toEqual(['Web']);
  });
});

describe('condition scenarios stay within the work of one file', () => {
  const config = { preset: 'recommended' as const, rules: {}, launchType: 'EC2' as const, docs: 'current' as const };

  /** A template of one task definition whose one container has `size` environment entries and Fn::If on `conditions` conditions. */
  function template(size: number, conditions: number): string {
    const names = Array.from({ length: conditions }, (_, i) => `C${i}`);
    const environment = Array.from({ length: size }, (_, i) => ({ Name: `E${i}`, Value: 'x' }));
    const labels = Object.fromEntries(names.map((c) => [c, { 'Fn::If': [c, 'on', 'off'] }]));
    return JSON.stringify({
      Conditions: Object.fromEntries(names.map((c) => [c, { 'Fn::Equals': [{ Ref: `P${c}` }, 'on'] }])),
      Resources: {
        Web: {
          Type: 'AWS::ECS::TaskDefinition',
          Properties: { ContainerDefinitions: [{ Name: 'web', Image: 'nginx:1.27', Memory: 256, Privileged: { 'Fn::If': ['C0', true, false] }, DockerLabels: labels, Environment: environment }] },
        },
      },
    });
  }

  test('scenarios that would hold more values than a file may are not checked one by one, and the note says why', () => {
    // Four scenarios of about 60,000 values each: more than the 200,000 values a file may hold.
    const result = lintSource(template(20_000, 2), 'big.json', config)!;
    const note = result.messages.find((m) => m.ruleId === 'condition-scenarios-capped');
    expect(note?.message).toBe(
      "Web uses 2 conditions (C0, C1) in combinations that would hold more values than the 200000 a template's checked combinations may hold in all; its Fn::If values were checked as unknown, not branch by branch.",
    );
    expect(result.messages.filter((m) => m.message.includes('(when C0 is true)'))).toEqual([]);
  });

  test('the same template with fewer values is checked scenario by scenario', () => {
    const result = lintSource(template(200, 2), 'small.json', config)!;
    expect(result.messages.map((m) => m.ruleId)).not.toContain('condition-scenarios-capped');
    expect(result.messages.some((m) => m.message.includes('(when C0 is true)'))).toBe(true);
  });

  test('atoms buried in huge condition expressions cap the unit rather than being evaluated for every assignment', () => {
    // Ten opaque atoms give 1,024 assignments; a condition of 5,000 nodes would be evaluated for each.
    const atoms = Array.from({ length: 10 }, (_, i) => ({ 'Fn::Equals': [{ Ref: `A${i}` }, { Ref: `B${i}` }] }));
    const big = { 'Fn::Or': [...atoms, ...Array.from({ length: 5000 }, () => ({ 'Fn::Equals': ['a', 'b'] }))] };
    expect(scenarios({ Conditions: { Big: big } }, ['Big'])).toBe('capped');
    expect(scenarios({ Conditions: { Small: { 'Fn::Or': atoms } } }, ['Small'])).toEqual(['Small=0', 'Small=1']);
  });
});
