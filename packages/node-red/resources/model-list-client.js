// @ts-check
/**
 * The live model list of the Node-RED edit dialog (issue 25). This file runs in the Node-RED editor: Node-RED serves
 * the package's `resources/` folder, and each component node's `.html` loads it with a `<script src>` tag, which
 * defines `window.bedrockFlowModelList`; the unit tests require it. It asks
 * `GET bedrock-flow/models?config=<id>&component=<name>` (relative, so `httpAdminRoot` applies; through jQuery, which
 * the editor has set up to send the adminAuth token) and fills the field's `<datalist>`. The field stays a text input,
 * so a saved id is never changed and any id (an application inference profile ARN) can still be typed.
 * Plain ES2017 with no imports: it is sent to the browser as written.
 */
(function defineModelList(root) {
  'use strict';

  /** Text safe inside HTML text and double-quoted attributes (model ids and reasons come from the network). */
  function escapeHtml(/** @type {unknown} */ text) {
    return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }

  /** What a datalist option says beside a profile-only model (Chromium shows an option's label next to its value). */
  var PROFILE_ONLY_LABEL = 'needs an inference profile (a us./eu./apac./global. id, or cross_region_inference)';

  /**
   * The datalist options and the source line for an endpoint answer, or for a failed request.
   * @param {{ source?: string, region?: string, models?: unknown, profileOnly?: unknown, reason?: unknown } | undefined} answer
   * @param {{ staticIds: string[], saved: string, failure?: string }} context the component's static list, the node's
   *   saved value, and why the request failed (then `answer` is ignored)
   * @returns {{ source: 'live' | 'static', optionsHtml: string, note: string }}
   */
  function modelListView(answer, context) {
    var live = !context.failure && answer && answer.source === 'live' && Array.isArray(answer.models);
    /** @type {string[]} */
    var ids = (live && answer ? /** @type {unknown[]} */ (answer.models) : context.staticIds).filter(function (id) { return typeof id === 'string' && id !== ''; }).map(String);
    var profileOnly = live && answer && Array.isArray(answer.profileOnly) ? answer.profileOnly.map(String) : [];
    var options = ids.map(function (id) {
      var label = profileOnly.indexOf(id) >= 0 ? ' label="' + escapeHtml(id + ' (' + PROFILE_ONLY_LABEL + ')') + '"' : '';
      return '<option value="' + escapeHtml(id) + '"' + label + '></option>';
    });
    // The saved id stays selectable (and stays in the field): never changed because a list lacks it.
    if (context.saved !== '' && ids.indexOf(context.saved) < 0) {
      options.unshift('<option value="' + escapeHtml(context.saved) + '" label="' + escapeHtml(context.saved + ' (saved; not in this list)') + '"></option>');
    }
    var note;
    if (live && answer) {
      note = 'Live: ' + ids.length + ' models and inference profiles this account can call in ' + String(answer.region);
      if (profileOnly.length > 0) note += ' (' + profileOnly.length + ' only through an inference profile, marked)';
    } else {
      var reason = context.failure || (answer && typeof answer.reason === 'string' ? answer.reason : 'the answer had no live list');
      note = 'Static list: ' + reason;
    }
    return { source: live ? 'live' : 'static', optionsHtml: options.join(''), note: note };
  }

  /**
   * Why a failed request left the static list, from jQuery's xhr.
   * @param {{ status?: number, responseJSON?: { error?: unknown } }} xhr
   */
  function failureReason(xhr) {
    var status = xhr && typeof xhr.status === 'number' ? xhr.status : 0;
    if (status === 401 || status === 403) return 'this editor user lacks the bedrock.read permission (HTTP ' + status + ')';
    if (status === 0) return 'the editor could not reach Node-RED (network error)';
    var error = xhr.responseJSON && typeof xhr.responseJSON.error === 'string' ? ': ' + xhr.responseJSON.error : '';
    return 'the model list request failed (HTTP ' + status + error + ')';
  }

  /**
   * Wires a dialog's model field: called from `oneditprepare`. Asks on open and whenever the AWS config select changes;
   * the static list (already in the datalist) stays until an answer comes, and only the latest answer is shown.
   * @param {{ field: string, component: string, staticIds: string[] }} options
   */
  function attach(options) {
    var $ = /** @type {any} */ (root).$;
    var input = $('#node-input-' + options.field);
    var datalist = $('#' + input.attr('list'));
    var note = $('#node-input-' + options.field + '-source');
    var config = $('#node-input-aws');
    var asked = 0;
    /** @type {string | undefined} */
    var shownFor;
    var saved = String(input.val() || '');
    function show(/** @type {ReturnType<typeof modelListView>} */ view) {
      datalist.html(view.optionsHtml);
      note.text(view.note).attr('data-source', view.source);
    }
    function refresh() {
      var configId = String(config.val() || '');
      // The editor fires `change` on every field once after oneditprepare: the same config is not asked twice.
      if (configId === shownFor) return;
      shownFor = configId;
      var request = ++asked;
      if (configId === '' || configId === '_ADD_') {
        show(modelListView(undefined, { staticIds: options.staticIds, saved: saved, failure: 'no AWS config node chosen: choose one to list the models its account can call' }));
        return;
      }
      show(modelListView(undefined, { staticIds: options.staticIds, saved: saved, failure: 'asking the account of the AWS config node…' }));
      $.ajax({ url: 'bedrock-flow/models', data: { config: configId, component: options.component }, dataType: 'json', cache: false }).then(
        function (/** @type {any} */ answer) {
          if (request === asked) show(modelListView(answer, { staticIds: options.staticIds, saved: saved }));
        },
        function (/** @type {any} */ xhr) {
          if (request === asked) show(modelListView(undefined, { staticIds: options.staticIds, saved: saved, failure: failureReason(xhr) }));
        },
      );
    }
    config.on('change', refresh);
    refresh();
  }

  var api = { escapeHtml: escapeHtml, modelListView: modelListView, failureReason: failureReason, attach: attach, PROFILE_ONLY_LABEL: PROFILE_ONLY_LABEL };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else /** @type {any} */ (root).bedrockFlowModelList = api;
})(globalThis);
