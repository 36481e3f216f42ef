import vm from 'node:vm';

/** What `RED.nodes.registerType` received in a generated editor file. */
export interface EditorRegistration {
  type: string;
  definition: {
    category: string;
    defaults: Record<string, { value: unknown; validate?: (value: unknown) => boolean; type?: string }>;
    credentials?: Record<string, { type: string }>;
    [key: string]: unknown;
  };
}

/** A labelled form row of the edit template. */
export interface EditorFormRow {
  /** `data-input`: the manifest input (or `ca`) the row stands for. */
  input: string;
  /** The element id the label points at. */
  id: string;
  label: string;
  title: string | undefined;
  /** `<option>` values of a select or datalist in the row. */
  options: string[];
}

/** Reverses `escapeHtml`. */
export function unescapeHtml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function scriptBody(html: string, attributes: RegExp): string {
  const match = new RegExp(`<script ${attributes.source}>([\\s\\S]*?)</script>`).exec(html);
  if (!match?.[1]) throw new Error(`no <script ${attributes.source}> in the editor file`);
  return match[1];
}

/** Runs the editor file's `registerType` script against a recording `RED` (as the editor would). */
export function registrationOf(html: string): EditorRegistration {
  const calls: EditorRegistration[] = [];
  const RED = { nodes: { registerType: (type: string, definition: EditorRegistration['definition']) => calls.push({ type, definition }) } };
  vm.runInNewContext(scriptBody(html, /type="text\/javascript"/), { RED });
  if (calls.length !== 1) throw new Error(`expected one registerType call, got ${calls.length}`);
  return calls[0]!;
}

/** The `data-input` form rows of the edit template of `type`. */
export function formRowsOf(html: string, type: string): EditorFormRow[] {
  const template = scriptBody(html, new RegExp(`type="text\\/html" data-template-name="${type}"`));
  const rows: EditorFormRow[] = [];
  const rowPattern = /<div class="form-row" data-input="([^"]+)">([\s\S]*?)\n {4}<\/div>/g;
  for (const [, input, body] of template.matchAll(rowPattern)) {
    const label = /<label for="([^"]+)"(?: title="([^"]*)")?>([^<]*)<\/label>/.exec(body!);
    if (!label) throw new Error(`row ${input} has no label`);
    rows.push({
      input: input!,
      id: label[1]!,
      title: label[2] === undefined ? undefined : unescapeHtml(label[2]),
      label: unescapeHtml(label[3]!),
      options: [...body!.matchAll(/<option value="([^"]*)"/g)].map((m) => unescapeHtml(m[1]!)),
    });
    if (!body!.includes(`id="${label[1]}"`)) throw new Error(`row ${input}: no control with id ${label[1]}`);
  }
  return rows;
}

/** The help text of `type`. */
export function helpOf(html: string, type: string): string {
  return unescapeHtml(scriptBody(html, new RegExp(`type="text\\/html" data-help-name="${type}"`)));
}
