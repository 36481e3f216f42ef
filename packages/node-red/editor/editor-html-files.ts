import type { ComponentManifest } from '@bedrock-flow/component';
import { componentNodeForms, configNodeForm } from './editor-forms';
import { renderComponentNodeHtml, renderConfigNodeHtml } from './render-node-html';

/** Every generated editor file: `nodes/<type>.html` -> content, for the given manifest. */
export function editorHtmlFiles(manifest: ComponentManifest): Map<string, string> {
  const files = new Map<string, string>();
  const config = configNodeForm(manifest);
  files.set(`${config.type}.html`, renderConfigNodeHtml(config));
  for (const form of componentNodeForms(manifest)) files.set(`${form.type}.html`, renderComponentNodeHtml(form));
  return files;
}
