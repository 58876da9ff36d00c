// The explorer's page script (GraphiQL from the gateway's own copy of the npm package; no build step, no network
// beyond the gateway). The gateway prepends `window.HUB_EXPLORER = { endpoint, tokenUrl, examples }`.
// A "Sign in" panel (key icon) asks /auth/token for a token and puts it in the request headers, then reloads the
// schema with it, so the Docs panel and autocomplete show what a signed-in caller may introspect.
(function () {
  'use strict';
  var cfg = window.HUB_EXPLORER;
  var h = React.createElement;
  var ui = GraphiQL.React;
  // The signed-in caller's token: every request carries it (the schema's introspection too), unless the Headers
  // tab sets its own Authorization.
  var token = null;

  function KeyIcon() {
    return h(
      'svg',
      { viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 1.5, 'aria-hidden': true },
      h('circle', { cx: 8, cy: 15, r: 4 }),
      h('path', { d: 'M11 12l8-8M16 7l3 3M14 9l2 2' }),
    );
  }

  function headerValue(token) {
    return JSON.stringify({ Authorization: 'Bearer ' + token }, null, 2);
  }

  function SignIn() {
    var editors = ui.useEditorContext({ nonNull: true });
    var schema = ui.useSchemaContext({ nonNull: true });
    var state = React.useState({ username: '', password: '', busy: false, error: null, who: null });
    var s = state[0];
    var set = function (patch) {
      state[1](function (prev) {
        return Object.assign({}, prev, patch);
      });
    };
    function applyHeaders(value) {
      if (editors.headerEditor) editors.headerEditor.setValue(value);
      // The schema is fetched again with the token: Docs and autocomplete follow who is signed in.
      schema.introspect();
    }
    function submit(e) {
      e.preventDefault();
      set({ busy: true, error: null });
      fetch(cfg.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'password', username: s.username, password: s.password }),
      })
        .then(function (r) {
          return r.json().catch(function () {
            return {};
          });
        })
        .then(function (body) {
          if (!body.access_token) {
            set({ busy: false, error: body.error_description || body.error || 'Sign-in failed' });
            return;
          }
          token = body.access_token;
          set({ busy: false, password: '', who: s.username });
          applyHeaders(headerValue(body.access_token));
        })
        .catch(function () {
          set({ busy: false, error: 'The gateway could not be reached' });
        });
    }
    function signOut() {
      token = null;
      set({ who: null });
      applyHeaders('{}');
    }
    if (s.who) {
      return h(
        'div',
        { className: 'hub-signin' },
        h('p', null, 'Signed in as ', h('strong', { 'data-testid': 'signed-in-as' }, s.who), '.'),
        h(
          'p',
          null,
          'Every request from every tab carries your token (the Headers of this tab show it); it expires after 15 minutes: sign in again then.',
        ),
        h(ui.Button, { type: 'button', onClick: signOut }, 'Sign out'),
      );
    }
    return h(
      'form',
      { className: 'hub-signin', onSubmit: submit },
      h('p', null, 'Sign in with your hub account to query what it may read (demo accounts: see the README).'),
      h(
        'label',
        null,
        'Username',
        h('input', {
          name: 'username',
          autoComplete: 'username',
          value: s.username,
          onChange: function (e) {
            set({ username: e.target.value });
          },
        }),
      ),
      h(
        'label',
        null,
        'Password',
        h('input', {
          name: 'password',
          type: 'password',
          autoComplete: 'current-password',
          value: s.password,
          onChange: function (e) {
            set({ password: e.target.value });
          },
        }),
      ),
      s.error ? h('p', { className: 'hub-signin-error', role: 'alert' }, s.error) : null,
      h(ui.Button, { type: 'submit', disabled: s.busy || !s.username || !s.password }, s.busy ? 'Signing in…' : 'Sign in'),
    );
  }

  var signInPlugin = { title: 'Sign in', icon: KeyIcon, content: SignIn };
  var base = GraphiQL.createFetcher({ url: cfg.endpoint });
  function fetcher(params, opts) {
    var o = opts || {};
    var headers = Object.assign({}, token ? { Authorization: 'Bearer ' + token } : {}, o.headers || {});
    return base(params, Object.assign({}, o, { headers: headers }));
  }
  var root = ReactDOM.createRoot(document.getElementById('explorer'));
  root.render(
    h(GraphiQL, {
      fetcher: fetcher,
      plugins: [signInPlugin],
      defaultTabs: cfg.examples,
      defaultHeaders: '{}',
      headerEditorEnabled: true,
      shouldPersistHeaders: false,
      defaultEditorToolsVisibility: 'headers',
    }),
  );
})();
