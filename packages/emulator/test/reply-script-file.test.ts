import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { applyReplyScripts, EmulatorScriptError, loadReplyScriptFile, parseReplyScripts, startEmulator, type ReplyScriptFile } from '@bedrock-flow/emulator';
import { keepAliveClient, userMessage } from './support/clients';

function scriptError(run: () => unknown): EmulatorScriptError {
  try {
    run();
  } catch (error) {
    if (error instanceof EmulatorScriptError) return error;
    throw error;
  }
  throw new Error('expected an EmulatorScriptError');
}

describe('reply-script files', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'emulator-scripts-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('load into a running emulator: family, regex and later-wins matches, text and tool replies', async () => {
    const file: ReplyScriptFile = {
      $schema: 'ignored',
      scripts: [
        { match: 'anthropic', reply: { text: 'first anthropic reply' } },
        { match: 'anthropic', reply: { text: 'the later entry wins' } },
        { match: { regex: '^US\\.AMAZON\\.NOVA-', flags: 'i' }, reply: { toolUse: { name: 'get_weather', input: { city: 'Paris' }, toolUseId: 'tooluse_file1' }, stopReason: 'tool_use' } },
      ],
    };
    const path = join(dir, 'replies.json');
    writeFileSync(path, JSON.stringify(file));
    const entries = await loadReplyScriptFile(path);
    expect(entries.map((e) => String(e.match))).toEqual(['anthropic', 'anthropic', '/^US\\.AMAZON\\.NOVA-/i']);

    const emu = await startEmulator();
    const { client, destroy } = keepAliveClient(emu);
    try {
      applyReplyScripts(emu, entries);
      const claude = await client.send(new ConverseCommand({ modelId: 'anthropic.claude-3-haiku-20240307-v1:0', messages: [userMessage('q')] }));
      expect(claude.output?.message?.content?.[0]?.text).toBe('the later entry wins');
      const tools = { tools: [{ toolSpec: { name: 'get_weather', inputSchema: { json: { type: 'object' } } } }] };
      const nova = await client.send(new ConverseCommand({ modelId: 'us.amazon.nova-lite-v1:0', messages: [userMessage('q')], toolConfig: tools }));
      expect(nova.stopReason).toBe('tool_use');
      expect(nova.output?.message?.content?.find((b) => b.toolUse)?.toolUse).toEqual({ name: 'get_weather', input: { city: 'Paris' }, toolUseId: 'tooluse_file1' });
      // Unscripted models keep the echo.
      const mistral = await client.send(new ConverseCommand({ modelId: 'mistral.mistral-large-2402-v1:0', messages: [userMessage('plain')] }));
      expect(mistral.output?.message?.content?.[0]?.text).toBe('Echo: plain');
    } finally {
      destroy();
      await emu.close();
    }
  });

  it('name every bad entry with its JSON path and what is allowed', () => {
    const error = scriptError(() =>
      parseReplyScripts(
        {
          scripts: [
            { match: '', reply: { text: 'x' } },
            { match: { regex: 'a(', flags: '' }, reply: { text: 'x' } },
            { match: { regex: 'a', flags: 'g' }, reply: { text: 'x' } },
            { match: 'm', reply: { text: 5, stopReason: '' } },
            { match: 'm', reply: { toolUse: { name: '', input: [] } } },
            { match: 'm', reply: {} },
            'not-an-entry',
            { match: 'm', reply: { text: 'x' }, extra: true },
          ],
          other: 1,
        },
        'replies.json',
      ),
    );
    expect(error.code).toBe('ERR_EMULATOR_INVALID_SCRIPT');
    expect(error.file).toBe('replies.json');
    expect(error.issues.map((i) => i.field)).toEqual([
      '$.other',
      'scripts[0].match',
      'scripts[1].match.regex',
      'scripts[2].match.flags',
      'scripts[3].reply.text',
      'scripts[3].reply.stopReason',
      'scripts[4].reply.toolUse.name',
      'scripts[4].reply.toolUse.input',
      'scripts[5].reply',
      'scripts[6]',
      'scripts[7].extra',
    ]);
    expect(error.field).toBe('$.other');
    expect(error.message).toMatch(/scripts\[2\]\.match\.flags: must be a string of the flags i, m, s, u, got "g"/);
    expect(error.message).toMatch(/scripts\[5\]\.reply: needs "text" or "toolUse"/);
  });

  it('reject a file that is not the documented shape, not JSON, or missing', async () => {
    expect(scriptError(() => parseReplyScripts([{ match: 'a', reply: { text: 'b' } }])).message).toMatch(/\$: must be an object \{ "scripts": \[/);
    const notJson = join(dir, 'broken.json');
    writeFileSync(notJson, '{ "scripts": [ ');
    await expect(loadReplyScriptFile(notJson)).rejects.toMatchObject({ code: 'ERR_EMULATOR_INVALID_SCRIPT', field: '$', message: expect.stringContaining('is not valid JSON') });
    await expect(loadReplyScriptFile(join(dir, 'missing.json'))).rejects.toMatchObject({ field: '$', message: expect.stringContaining('cannot be read (ENOENT)') });
  });
});

describe('the README', () => {
  it('shows a script file that loads as documented', () => {
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
    const example = /```json\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const entries = parseReplyScripts(JSON.parse(example!), 'README.md');
    expect(entries.map((e) => String(e.match))).toEqual(['anthropic', '/^(us\\.)?amazon\\.nova-/i']);
    expect((entries[1]!.match as RegExp).test('us.amazon.nova-lite-v1:0')).toBe(true);
  });
});
