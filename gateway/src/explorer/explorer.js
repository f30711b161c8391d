/*
 * The explorer page's own script (served as is, no build step): renders GraphiQL from
 * the UMD globals React, ReactDOM and GraphiQL, and sends the pasted dev token as
 * `Authorization: Bearer …` with every request to /graphql on this origin.
 *
 * The token lives in sessionStorage only (this tab, gone when it closes): never in the
 * URL, never in localStorage. GraphiQL's own state (tabs, query history) is kept in
 * sessionStorage too, since a query may hold a resident's id or BSN.
 */
(function () {
  'use strict';
  var TOKEN_KEY = 'wmo-explorer:token';
  var ENDPOINT = '/graphql';
  var DEFAULT_QUERY = [
    '# Paste a dev token above, then run this query (Ctrl-Enter).',
    '# The Docs button (top left) lists everything this role may ask.',
    '{',
    '  wijken {',
    '    code',
    '    naam',
    '    gebied',
    '  }',
    '}',
    '',
  ].join('\n');

  var input = document.getElementById('wmo-token');
  var forget = document.getElementById('wmo-forget');
  var status = document.getElementById('wmo-token-status');
  var container = document.getElementById('graphiql');
  container.textContent = '';
  var root = ReactDOM.createRoot(container);

  /** A JWT as pasted, without surrounding white space or a leading "Bearer ". */
  function clean(value) {
    return value.trim().replace(/^Bearer\s+/i, '');
  }

  function storedToken() {
    return sessionStorage.getItem(TOKEN_KEY) || '';
  }

  /** GraphiQL's fetcher: POST JSON to /graphql with the Headers tab's headers and the token. */
  function fetcherFor(token) {
    return function fetcher(params, options) {
      var headers = Object.assign({ 'content-type': 'application/json', accept: 'application/json' }, options && options.headers);
      if (token) {
        // The pasted token wins over an Authorization typed in the Headers tab, in any spelling.
        Object.keys(headers).forEach(function (name) {
          if (name.toLowerCase() === 'authorization') delete headers[name];
        });
        headers.authorization = 'Bearer ' + token;
      }
      return fetch(ENDPOINT, { method: 'POST', headers: headers, body: JSON.stringify(params), credentials: 'omit', cache: 'no-store' })
        .then(function (response) {
          return response.json().catch(function () {
            return { errors: [{ message: 'HTTP ' + response.status + ': the answer was not JSON' }] };
          });
        });
    };
  }

  /** Renders GraphiQL with a fetcher for the current token; a new fetcher makes GraphiQL fetch the schema again. */
  function render() {
    var token = storedToken();
    status.textContent = token ? 'token set (this tab only)' : 'no token: every query is refused with UNAUTHENTICATED';
    root.render(
      React.createElement(GraphiQL, {
        fetcher: fetcherFor(token),
        storage: sessionStorage,
        defaultQuery: DEFAULT_QUERY,
        shouldPersistHeaders: false,
        showPersistHeadersSettings: false,
      }),
    );
  }

  var pending;
  input.addEventListener('input', function () {
    clearTimeout(pending);
    pending = setTimeout(function () {
      var token = clean(input.value);
      if (token) sessionStorage.setItem(TOKEN_KEY, token);
      else sessionStorage.removeItem(TOKEN_KEY);
      render();
    }, 250);
  });
  forget.addEventListener('click', function () {
    input.value = '';
    sessionStorage.removeItem(TOKEN_KEY);
    render();
  });

  input.value = storedToken();
  render();
})();
