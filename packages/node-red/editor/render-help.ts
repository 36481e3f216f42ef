import type { ManifestComponent } from '@bedrock-flow/component';
import type { EditorField } from './editor-field';
import { escapeHtml } from './escape-html';

function fieldHelp(fields: readonly EditorField[]): string {
  return fields
    .map((field) => {
      const info = field.form.help ? `${escapeHtml(field.form.help)} ` : '';
      const where = field.credential ? ' Kept in the Node-RED credential store, never in the flow.' : '';
      return `    <dt>${escapeHtml(field.form.label)}</dt>\n    <dd>${info}Allowed: ${escapeHtml(field.input.allowed)}.${where}</dd>`;
    })
    .join('\n');
}

/** Help sidebar text of a component node: the manifest description, message contract and every field's info. */
export function renderNodeHelp(
  component: ManifestComponent,
  fields: readonly EditorField[],
  io: { input: string; inputType: string; output: string; outputType: string },
): string {
  return [
    `<p>${escapeHtml(component.description)}</p>`,
    `<p>Runs the bedrock-flow component <code>${escapeHtml(component.name)}</code> ("${escapeHtml(component.displayName)}") on a warm, pooled client that survives redeploys.</p>`,
    '<h3>Inputs</h3>',
    '<dl class="message-properties">',
    `    <dt>payload <span class="property-type">${escapeHtml(io.inputType)}</span></dt>`,
    `    <dd>${escapeHtml(io.input)}</dd>`,
    '</dl>',
    '<h3>Outputs</h3>',
    '<dl class="message-properties">',
    `    <dt>payload <span class="property-type">${escapeHtml(io.outputType)}</span></dt>`,
    `    <dd>${escapeHtml(io.output)}</dd>`,
    '    <dt class="optional">usage <span class="property-type">object</span></dt>',
    '    <dd>Token usage reported by the model (<code>input_tokens</code>, <code>output_tokens</code>, <code>total_tokens</code>), when there is any.</dd>',
    '    <dt>bedrock <span class="property-type">object</span></dt>',
    '    <dd>The component name and response details (stop reason, response metadata; model and dimensions for embeddings).</dd>',
    '    <dt>poolMetrics <span class="property-type">object</span></dt>',
    '    <dd>Counters of the node\'s pooled client slot (connections opened, TLS handshakes, requests, reused connections, retries, throttles, credential resolutions) and pool totals.</dd>',
    '</dl>',
    '<h3>Details</h3>',
    '<p>Errors (invalid settings, invalid payload, Bedrock API errors) go to Catch nodes with <code>msg.error.code</code>. The status shows <i>connecting</i>, <i>ready</i>, <i>requesting</i> or the error.</p>',
    '<dl class="message-properties">',
    fieldHelp(fields),
    '</dl>',
  ].join('\n');
}

/** Help sidebar text of the config node. */
export function renderConfigHelp(fields: readonly EditorField[]): string {
  return [
    '<p>AWS connection settings shared by the Amazon Bedrock nodes: region, endpoint, and credentials.</p>',
    '<p>Credentials are used in this order: the access key pair (with the session token, if any), else the profile, else the AWS SDK default chain (environment, SSO, web identity, container and instance roles).</p>',
    '<p>Nodes using the same settings share one pooled client with keep-alive connections; a redeploy keeps it warm.</p>',
    '<dl class="message-properties">',
    fieldHelp(fields),
    '    <dt>Trusted CA (PEM)</dt>',
    '    <dd>Extra certificate authority to trust for the endpoint (private endpoints, TLS-inspecting proxies, local emulators). Optional.</dd>',
    '</dl>',
  ].join('\n');
}
