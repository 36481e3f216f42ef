/**
 * Build step: writes `nodes/*.html` (the Node-RED editor forms) from the component manifest, so form fields,
 * defaults and help text always match the components. Run: `pnpm --filter @bedrock-flow/node-red build`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { componentManifest } from '../nodes/lib/component-registry';
import { editorHtmlFiles } from './editor-html-files';

const nodesDir = path.join(__dirname, '..', 'nodes');
for (const [name, html] of editorHtmlFiles(componentManifest())) {
  fs.writeFileSync(path.join(nodesDir, name), html);
  console.log(`wrote nodes/${name}`);
}
