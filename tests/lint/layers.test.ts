import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('layer boundaries', () => {
  it('forbids React in src/model', async () => {
    expect(await ruleIdsFor('src/model/probe.ts', "import { useState } from 'react';\nexport const x = useState;\n")).toContain(
      'no-restricted-imports',
    );
  });

  it('forbids src/doc from reaching into the store', async () => {
    expect(await ruleIdsFor('src/doc/probe.ts', "import { useUiStore } from '../store';\nexport const x = useUiStore;\n")).toContain(
      'no-restricted-imports',
    );
  });

  it('forbids hooks from importing components', async () => {
    expect(
      await ruleIdsFor('src/hooks/probe.ts', "import { Toolbar } from '../components/Toolbar';\nexport const x = Toolbar;\n"),
    ).toContain('no-restricted-imports');
  });

  it('forbids the server from importing React', async () => {
    expect(await ruleIdsFor('server/probe.ts', "import React from 'react';\nexport const x = React;\n")).toContain('no-restricted-imports');
  });

  it('lets components import hooks and the model', async () => {
    const ids = await ruleIdsFor(
      'src/components/Probe.tsx',
      "import { useBoard } from '../hooks/useBoard';\nimport { newId } from '../model/ids';\nexport const x = [useBoard, newId];\n",
    );
    expect(ids).not.toContain('no-restricted-imports');
  });
});

describe('the canvas and export pipelines', () => {
  it('lets the canvas derivation name React Flow types', async () => {
    const ids = await ruleIdsFor('src/canvas/probe.ts', "import type { Node } from '@xyflow/react';\nexport type X = Node;\n");
    expect(ids).toEqual([]);
  });

  it('forbids the canvas derivation from running React Flow', async () => {
    const ids = await ruleIdsFor('src/canvas/probe.ts', "import { useNodes } from '@xyflow/react';\nexport const x = useNodes;\n");
    expect(ids).toContain('@typescript-eslint/no-restricted-imports');
  });

  it('forbids the canvas derivation from reading the document', async () => {
    const ids = await ruleIdsFor('src/canvas/probe.ts', "import { readBoard } from '../doc/read';\nexport const x = readBoard;\n");
    expect(ids).toContain('@typescript-eslint/no-restricted-imports');
  });

  it('forbids the export pipeline from importing React', async () => {
    expect(await ruleIdsFor('src/export/probe.ts', "import React from 'react';\nexport const x = React;\n")).toContain(
      'no-restricted-imports',
    );
  });
});

describe('layer boundaries and packages', () => {
  it('lets the server use y-protocols/sync (a package, not our sync layer)', async () => {
    const ids = await ruleIdsFor('server/probe.ts', "import * as sync from 'y-protocols/sync';\nexport const x = sync;\n");
    expect(ids).not.toContain('no-restricted-imports');
  });

  it('forbids the server from importing the browser sync layer', async () => {
    const ids = await ruleIdsFor('server/probe.ts', "import { relayUrl } from '../src/sync/connection';\nexport const x = relayUrl;\n");
    expect(ids).toContain('no-restricted-imports');
  });
});
