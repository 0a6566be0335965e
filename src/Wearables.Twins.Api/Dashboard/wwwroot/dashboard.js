// Care-team dashboard: plain JavaScript, no dependencies (the host runs offline).
// Every API call carries the user's bearer token; the live stream is read with fetch() because EventSource
// cannot send an Authorization header. Data only ever reaches the page through textContent, never as HTML.
'use strict';

(() => {
  const TOKEN_KEY = 'twins.dashboard.token';
  const TEAM_KEY = 'twins.dashboard.team';
  const STREAM_SILENCE_MS = 45_000; // three missed heartbeats: the connection is dead even if TCP has not noticed
  const ANNOUNCE_EVERY_MS = 4_000;

  const KEY_VITALS = [
    { code: 'heart_rate', label: 'Heart rate', unit: 'bpm', digits: 0 },
    { code: 'spo2', label: 'SpO₂', unit: '%', digits: 0 },
    { code: 'respiratory_rate', label: 'Respiration', unit: '/min', digits: 0 },
    { code: 'body_temperature', label: 'Temperature', unit: '°C', digits: 1 },
    { code: 'blood_pressure', label: 'Blood pressure', unit: 'mmHg', digits: 0 },
  ];
  const KINDS = {
    news2: 'Raised early-warning score (NEWS2)',
    hypoxemia: 'Low oxygen saturation',
    irregular_rhythm: 'Possible irregular rhythm',
    fever: 'Raised temperature',
    hypertension: 'High blood pressure readings',
    hypertensive_reading: 'High blood pressure readings',
    tachycardia: 'High heart rate at rest',
    tachycardia_at_rest: 'High heart rate at rest',
    bradycardia: 'Low heart rate at rest',
    bradycardia_at_rest: 'Low heart rate at rest',
    resting_heart_rate_elevation: 'Resting heart rate above usual',
    sleep_deterioration: 'Sleep getting worse',
    rising_stress: 'Rising stress',
  };
  const LEVELS = { high: 'High', medium: 'Medium', low_medium: 'Low–medium', low: 'Low', none: 'None', info: 'Info' };

  const state = {
    token: null,
    me: null,
    teamId: null,
    stream: null,
    tiles: new Map(),
    alerts: null,
    focusKey: null,
    announcements: [],
    announceTimer: 0,
    resolving: null,
  };

  const $ = (id) => document.getElementById(id);
  const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const dateTimeFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

  // ---------- small helpers ----------

  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'text') node.textContent = value;
      else if (key === 'className') node.className = value;
      else if (key === 'dataset') Object.assign(node.dataset, value);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  const svgNs = 'http://www.w3.org/2000/svg';
  function svg(tag, attributes = {}, text) {
    const node = document.createElementNS(svgNs, tag);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function formatTime(value) {
    if (!value) return '—';
    const date = new Date(value);
    const today = new Date();
    return date.toDateString() === today.toDateString() ? timeFormat.format(date) : dateTimeFormat.format(date);
  }

  function kindLabel(kind) {
    return KINDS[kind] || String(kind || 'finding').replaceAll('_', ' ');
  }

  function levelLabel(level) {
    return LEVELS[level] || String(level || 'unknown');
  }

  function badge(level, prefix) {
    return el('span', { className: 'badge', dataset: { level: level || 'none' }, text: `${prefix ? prefix + ' ' : ''}${levelLabel(level)}` });
  }

  function vitalText(vital, sample) {
    if (!sample) return null;
    if (vital.code === 'blood_pressure') {
      if (sample.systolic == null || sample.diastolic == null) return null;
      return `${Math.round(sample.systolic)}/${Math.round(sample.diastolic)}`;
    }
    return sample.value == null ? null : Number(sample.value).toFixed(vital.digits);
  }

  function noReading() {
    return [el('span', { 'aria-hidden': 'true', text: '—' }), el('span', { className: 'visually-hidden', text: 'no reading' })];
  }

  function announce(message) {
    state.announcements.push(message);
    if (state.announceTimer) return;
    const flush = () => {
      state.announceTimer = 0;
      if (state.announcements.length === 0) return;
      const text = state.announcements.length > 4
        ? `${state.announcements.slice(0, 3).join(' ')} And ${state.announcements.length - 3} more updates.`
        : state.announcements.join(' ');
      state.announcements = [];
      $('announcer').textContent = text;
      state.announceTimer = window.setTimeout(flush, ANNOUNCE_EVERY_MS);
    };
    state.announceTimer = window.setTimeout(flush, 300);
  }

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  async function api(path, { method = 'GET', body } = {}) {
    const headers = { Authorization: `Bearer ${state.token}`, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, { method, headers, cache: 'no-store', body: body === undefined ? undefined : JSON.stringify(body) });
    if (response.status === 401) {
      signOut('Your session has ended: the token expired or is no longer accepted. Sign in again.');
      throw new ApiError(401, 'Not signed in.');
    }
    const isJson = (response.headers.get('content-type') || '').includes('json');
    const payload = isJson ? await response.json() : null;
    if (!response.ok) {
      throw new ApiError(response.status, (payload && (payload.detail || payload.title)) || `The server answered ${response.status}.`);
    }
    return payload;
  }

  // ---------- session ----------

  async function validateToken(token) {
    let response;
    try {
      response = await fetch('/api/v1/me', { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
    } catch {
      throw new Error('The server cannot be reached. Check the connection and try again.');
    }
    if (response.status === 401) throw new Error('This token was not accepted: it may have expired, be incomplete, or come from another server.');
    if (!response.ok) throw new Error(`The server answered ${response.status} while checking the token.`);
    const me = await response.json();
    if (me.role !== 'clinician' && me.role !== 'admin') {
      throw new Error(`This dashboard is for clinicians and administrators; this token is for the role "${me.role || 'unknown'}".`);
    }
    return me;
  }

  async function signIn(event) {
    event.preventDefault();
    const token = $('token').value.trim().replace(/^Bearer\s+/i, '');
    const error = $('login-error');
    error.textContent = '';
    if (!token) {
      error.textContent = 'Paste a token first.';
      $('token').focus();
      return;
    }
    const button = event.submitter || $('login-form').querySelector('button');
    button.disabled = true;
    try {
      state.me = await validateToken(token);
      state.token = token;
      sessionStorage.setItem(TOKEN_KEY, token);
      $('token').value = '';
      const teams = state.me.teams || [];
      const remembered = sessionStorage.getItem(TEAM_KEY);
      selectTeam(remembered && (state.me.role === 'admin' || teams.includes(remembered)) ? remembered : teams[0] || null);
      showSession();
      route({ focus: true });
    } catch (problem) {
      error.textContent = problem.message;
      $('token').focus();
    } finally {
      button.disabled = false;
    }
  }

  function signOut(message) {
    stopStream();
    state.token = null;
    state.me = null;
    state.teamId = null;
    state.tiles.clear();
    state.alerts = null;
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(TEAM_KEY);
    $('session').hidden = true;
    $('tiles').replaceChildren();
    $('alerts').replaceChildren();
    $('resolved-alerts').replaceChildren();
    $('login-error').textContent = typeof message === 'string' ? message : '';
    if (location.hash && location.hash !== '#/') history.replaceState(null, '', '#/');
    showView('login-view');
    $('token').focus();
  }

  function showSession() {
    const me = state.me;
    $('who-subject').textContent = me.subject;
    $('who-role').textContent = me.role;
    const teams = me.teams || [];
    const choice = $('team-choice');
    const input = $('team-input');
    choice.replaceChildren(...teams.map((team) => el('option', { value: team, text: team })));
    choice.hidden = teams.length === 0;
    input.hidden = teams.length > 0;
    if (teams.length > 0 && state.teamId) choice.value = state.teamId;
    if (teams.length === 0) input.value = state.teamId || '';
    $('team-label').htmlFor = teams.length > 0 ? 'team-choice' : 'team-input';
    $('session').hidden = false;
  }

  function selectTeam(teamId) {
    if (teamId === state.teamId && state.stream) return;
    stopStream();
    state.teamId = teamId;
    state.tiles.clear();
    state.alerts = null;
    $('tiles').replaceChildren();
    $('alerts').replaceChildren();
    $('resolved-alerts').replaceChildren();
    $('inbox-counts').textContent = '';
    $('patients-note').textContent = '';
    if (teamId) {
      sessionStorage.setItem(TEAM_KEY, teamId);
      $('team-title').textContent = `Care team ${teamId}`;
      startStream(teamId);
    } else {
      sessionStorage.removeItem(TEAM_KEY);
      $('team-title').textContent = 'Choose a care team';
      setStreamStatus('connecting', 'Enter the id of a care team above and choose “Open team”.');
    }
  }

  // ---------- views and routing ----------

  function showView(id) {
    for (const view of ['login-view', 'team-view', 'patient-view']) $(view).hidden = view !== id;
  }

  function route({ focus = false } = {}) {
    if (!state.token) {
      showView('login-view');
      return;
    }
    const match = /^#\/patient\/(.+)$/.exec(location.hash);
    if (match) {
      showView('patient-view');
      showPatient(decodeURIComponent(match[1]), focus);
    } else {
      showView('team-view');
      document.title = `${state.teamId ? `Care team ${state.teamId}` : 'Care team'} · Wearables Twins`;
      if (focus) $('team-title').focus();
    }
  }

  // ---------- live stream ----------

  function setStreamStatus(kind, text) {
    const status = $('stream-status');
    status.dataset.state = kind;
    status.textContent = text;
  }

  function stopStream() {
    if (state.stream) state.stream.abort();
    state.stream = null;
  }

  function startStream(teamId) {
    const controller = new AbortController();
    state.stream = controller;
    runStream(teamId, controller.signal);
  }

  async function runStream(teamId, signal) {
    let backoff = 1000;
    while (!signal.aborted) {
      const connection = new AbortController();
      const stopConnection = () => connection.abort();
      signal.addEventListener('abort', stopConnection, { once: true });
      try {
        setStreamStatus('connecting', 'Connecting…');
        const response = await fetch(`/api/v1/care-teams/${encodeURIComponent(teamId)}/stream`, {
          headers: { Authorization: `Bearer ${state.token}`, Accept: 'text/event-stream' },
          cache: 'no-store',
          signal: connection.signal,
        });
        if (response.status === 401) {
          signOut('Your session has ended: the token expired or is no longer accepted. Sign in again.');
          return;
        }
        if (!response.ok) {
          const problem = (response.headers.get('content-type') || '').includes('json') ? await response.json() : null;
          const detail = (problem && problem.detail) || `The server answered ${response.status}.`;
          if (response.status === 403 || response.status === 404 || response.status === 400) {
            setStreamStatus('error', `This team cannot be shown: ${detail}`);
            return;
          }
          throw new Error(detail);
        }
        setStreamStatus('live', 'Live');
        backoff = 1000;
        await readEvents(response.body, connection, (type, data) => onStreamEvent(type, data));
        if (!signal.aborted) setStreamStatus('connecting', 'The live connection closed; reconnecting…');
      } catch (problem) {
        if (signal.aborted) return;
        setStreamStatus('error', `The live connection was lost; reconnecting in ${Math.round(backoff / 1000)} s…`);
      } finally {
        signal.removeEventListener('abort', stopConnection);
        connection.abort();
      }
      await new Promise((resolve) => {
        const timer = window.setTimeout(resolve, backoff);
        signal.addEventListener('abort', () => { window.clearTimeout(timer); resolve(); }, { once: true });
      });
      backoff = Math.min(backoff * 2, 15_000);
    }
  }

  // Parses text/event-stream: "event:" and "data:" fields, a blank line ends an event, ":" lines are comments.
  async function readEvents(body, connection, onEvent) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let type = 'message';
    let data = [];
    let watchdog = window.setTimeout(() => connection.abort(), STREAM_SILENCE_MS);
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        window.clearTimeout(watchdog);
        watchdog = window.setTimeout(() => connection.abort(), STREAM_SILENCE_MS);
        buffer += value;
        let newline;
        while ((newline = buffer.indexOf('\n')) >= 0) {
          let line = buffer.slice(0, newline);
          buffer = buffer.slice(newline + 1);
          if (line.endsWith('\r')) line = line.slice(0, -1);
          if (line === '') {
            if (data.length > 0) onEvent(type, data.join('\n'));
            type = 'message';
            data = [];
          } else if (!line.startsWith(':')) {
            const colon = line.indexOf(':');
            const field = colon < 0 ? line : line.slice(0, colon);
            let fieldValue = colon < 0 ? '' : line.slice(colon + 1);
            if (fieldValue.startsWith(' ')) fieldValue = fieldValue.slice(1);
            if (field === 'event') type = fieldValue;
            else if (field === 'data') data.push(fieldValue);
          }
        }
      }
    } finally {
      window.clearTimeout(watchdog);
      reader.cancel().catch(() => {});
    }
  }

  function onStreamEvent(type, text) {
    const data = JSON.parse(text);
    switch (type) {
      case 'snapshot':
        $('team-title').textContent = `${data.displayName} (${data.teamId})`;
        document.title = `${data.displayName} · Wearables Twins`;
        $('patients-note').textContent = data.patients === 0
          ? 'This team follows no patients yet.'
          : `${data.patients} patient${data.patients === 1 ? '' : 's'}${data.truncated ? `; the first ${data.tiles.length} are shown` : ''}.`;
        for (const patientId of [...state.tiles.keys()]) {
          if (!data.tiles.some((tile) => tile.patientId === patientId)) removeTile(patientId);
        }
        for (const tile of data.tiles) upsertTile(tile, false);
        if (data.alerts) renderAlerts(data.alerts);
        else showInboxProblem('The alert inbox cannot be read right now; it appears here as soon as it can.');
        break;
      case 'tile':
        upsertTile(data, true);
        break;
      case 'tile-removed':
        removeTile(data.patientId);
        announce(`Patient ${data.patientId} left the team.`);
        break;
      case 'alerts':
        renderAlerts(data);
        break;
      case 'alerts-unavailable':
        showInboxProblem(data.detail);
        break;
      default:
        break;
    }
  }

  // ---------- tiles ----------

  function upsertTile(tile, live) {
    let entry = state.tiles.get(tile.patientId);
    if (!entry) {
      entry = { element: createTile(tile.patientId), tile: null };
      state.tiles.set(tile.patientId, entry);
      insertSorted(entry.element, tile.patientId);
    }
    const previous = entry.tile;
    entry.tile = tile;
    fillTile(entry.element.firstElementChild, tile);
    if (live) {
      const article = entry.element.firstElementChild;
      article.classList.remove('updated');
      void article.offsetWidth; // restart the highlight animation
      article.classList.add('updated');
      announce(describeChange(previous, tile));
    }
    if (currentPatientId() === tile.patientId) renderPatientLatestFromTile(tile);
  }

  function insertSorted(item, patientId) {
    const list = $('tiles');
    const after = [...list.children].find((child) => child.dataset.patientId > patientId);
    list.insertBefore(item, after || null);
  }

  function removeTile(patientId) {
    const entry = state.tiles.get(patientId);
    if (!entry) return;
    entry.element.remove();
    state.tiles.delete(patientId);
  }

  let tileCounter = 0;
  function createTile(patientId) {
    const id = `tile-${++tileCounter}`;
    const vitals = KEY_VITALS.map((vital) =>
      el('div', {}, el('dt', { text: vital.label }), el('dd', { dataset: { vital: vital.code } })));
    vitals.push(el('div', {}, el('dt', { text: 'NEWS2' }), el('dd', { dataset: { field: 'news2' } })));
    const article = el('article', { className: 'tile', 'aria-labelledby': `${id}-title`, dataset: { patientId } },
      el('div', { className: 'tile-head' },
        el('h3', { id: `${id}-title` }, el('a', { href: `#/patient/${encodeURIComponent(patientId)}`, text: `Patient ${patientId}` })),
        el('span', { dataset: { field: 'risk' } })),
      el('dl', { className: 'vitals' }, vitals),
      el('ul', { className: 'findings', dataset: { field: 'findings' } }),
      el('p', { className: 'updated-at', dataset: { field: 'updated' } }));
    return el('li', { dataset: { patientId } }, article);
  }

  function fillTile(article, tile) {
    article.dataset.risk = tile.riskLevel || 'none';
    article.querySelector('[data-field="risk"]').replaceChildren(badge(tile.riskLevel, 'Risk'));
    for (const vital of KEY_VITALS) {
      const cell = article.querySelector(`[data-vital="${vital.code}"]`);
      const text = vitalText(vital, tile.vitals && tile.vitals[vital.code]);
      cell.replaceChildren(...(text === null ? noReading() : [text, ' ', el('span', { className: 'unit', text: vital.unit })]));
    }
    const news2 = article.querySelector('[data-field="news2"]');
    news2.replaceChildren(...(tile.news2
      ? [String(tile.news2.score), ' ', el('span', { className: 'unit', text: `${levelLabel(tile.news2.band).toLowerCase()}${tile.news2.partial ? ', partial' : ''}` })]
      : noReading()));
    const findings = (tile.findings || []).map((finding) =>
      el('li', { text: `${kindLabel(finding.kind)} (${levelLabel(finding.level).toLowerCase()})`, title: finding.summary }));
    article.querySelector('[data-field="findings"]').replaceChildren(...(findings.length ? findings : [el('li', { className: 'empty', text: 'No active findings' })]));
    article.querySelector('[data-field="updated"]').textContent = tile.lastUpdate ? `Last reading ${formatTime(tile.lastUpdate)}` : 'No readings yet';
  }

  function describeChange(previous, tile) {
    const parts = [];
    if (!previous || previous.riskLevel !== tile.riskLevel) parts.push(`risk ${levelLabel(tile.riskLevel).toLowerCase()}`);
    const heart = vitalText(KEY_VITALS[0], tile.vitals && tile.vitals.heart_rate);
    const oxygen = vitalText(KEY_VITALS[1], tile.vitals && tile.vitals.spo2);
    if (heart !== null) parts.push(`heart rate ${heart}`);
    if (oxygen !== null) parts.push(`SpO2 ${oxygen} percent`);
    return `Patient ${tile.patientId} updated: ${parts.join(', ') || 'new data'}.`;
  }

  // ---------- alert inbox ----------

  function renderAlerts(page) {
    state.alerts = page;
    $('inbox-problem').hidden = true;
    const alerts = page.alerts || [];
    const active = alerts.filter((alert) => alert.status !== 'resolved');
    const resolved = alerts.filter((alert) => alert.status === 'resolved');
    $('inbox-counts').textContent = `${page.open} open, ${page.acknowledged} acknowledged${page.overflow ? `, ${page.overflow} not kept (inbox full)` : ''}.`;

    const focused = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.focusKey : null;
    const wanted = focused || state.focusKey;
    $('alerts').replaceChildren(...(active.length ? active.map(alertItem) : [el('li', { className: 'empty', text: 'No active alerts.' })]));
    $('resolved-alerts').replaceChildren(...(resolved.length ? resolved.map(alertItem) : [el('li', { className: 'empty', text: 'Nothing resolved recently.' })]));
    if (wanted) restoreFocus(wanted);
  }

  // Keeps keyboard users where they were when the list is redrawn: the same button, or its alert.
  function restoreFocus(key) {
    const alertId = key.split('|')[0];
    const candidates = [key, `${alertId}|resolve`, alertId];
    for (const candidate of candidates) {
      const target = document.querySelector(`[data-focus-key="${CSS.escape(candidate)}"]`);
      if (target && !target.disabled && target.offsetParent !== null) {
        target.focus();
        state.focusKey = null;
        return;
      }
    }
  }

  let alertCounter = 0;
  function alertItem(alert) {
    const id = `alert-${++alertCounter}`;
    const what = `${kindLabel(alert.kind)}, patient ${alert.patientId}`;
    const status = alert.status === 'open'
      ? `Open${alert.escalationLevel > 0 ? `, paged ${alert.escalations.at(-1).contactName}` : ''}`
      : alert.status === 'acknowledged'
        ? `Acknowledged by ${alert.acknowledgedBy} at ${formatTime(alert.acknowledgedAt)}`
        : alert.autoResolved
          ? `Resolved automatically at ${formatTime(alert.resolvedAt)}`
          : `Resolved by ${alert.resolvedBy} at ${formatTime(alert.resolvedAt)}${alert.resolutionNote ? `: ${alert.resolutionNote}` : ''}`;
    const actions = [];
    if (alert.status === 'open') {
      actions.push(el('button', { type: 'button', dataset: { action: 'acknowledge', alertId: alert.alertId, focusKey: `${alert.alertId}|acknowledge` } },
        'Acknowledge', el('span', { className: 'visually-hidden', text: ` alert: ${what}` })));
    }
    if (alert.status !== 'resolved') {
      actions.push(el('button', { type: 'button', className: 'secondary', dataset: { action: 'resolve', alertId: alert.alertId, focusKey: `${alert.alertId}|resolve` } },
        'Resolve…', el('span', { className: 'visually-hidden', text: ` alert: ${what}` })));
    }
    return el('li', {},
      el('article', {
        className: 'alert', tabindex: '-1', 'aria-labelledby': `${id}-title`,
        dataset: { alertId: alert.alertId, patientId: alert.patientId, severity: alert.severity, status: alert.status, focusKey: alert.alertId },
      },
      el('h3', { id: `${id}-title` }, badge(alert.severity), el('span', { text: kindLabel(alert.kind) }),
        el('span', {}, '· ', el('a', { href: `#/patient/${encodeURIComponent(alert.patientId)}`, text: `patient ${alert.patientId}` }))),
      el('p', { text: alert.summary }),
      el('p', { text: `Suggested: ${alert.suggestedAction}` }),
      el('p', { className: 'meta' }, `Opened ${formatTime(alert.openedAt)} · `, el('strong', { dataset: { field: 'status' }, text: status })),
      actions.length ? el('div', { className: 'actions' }, actions) : null));
  }

  function showInboxProblem(text) {
    const problem = $('inbox-problem');
    problem.textContent = text;
    problem.hidden = false;
  }

  function replaceAlert(updated) {
    if (!state.alerts) return;
    const alerts = state.alerts.alerts.map((alert) => (alert.alertId === updated.alertId ? updated : alert));
    renderAlerts({ ...state.alerts, alerts });
  }

  async function acknowledge(alertId, button) {
    state.focusKey = `${alertId}|acknowledge`;
    button.disabled = true;
    try {
      const alert = await api(`/api/v1/care-teams/${encodeURIComponent(state.teamId)}/alerts/${encodeURIComponent(alertId)}/acknowledge`,
        { method: 'POST', body: { by: state.me.subject } });
      replaceAlert(alert);
      announce(`Alert acknowledged: ${kindLabel(alert.kind)}, patient ${alert.patientId}.`);
    } catch (problem) {
      button.disabled = false;
      button.focus();
      showInboxProblem(`Could not acknowledge: ${problem.message}`);
      announce(`Could not acknowledge: ${problem.message}`);
    }
  }

  function askToResolve(alertId) {
    const alert = state.alerts && state.alerts.alerts.find((candidate) => candidate.alertId === alertId);
    if (!alert) return;
    state.resolving = alertId;
    state.focusKey = `${alertId}|resolve`;
    $('resolve-what').textContent = `${kindLabel(alert.kind)}, patient ${alert.patientId}: ${alert.summary}`;
    $('resolve-note').value = '';
    $('resolve-dialog').showModal();
  }

  async function resolveClosed() {
    const dialog = $('resolve-dialog');
    const alertId = state.resolving;
    state.resolving = null;
    if (dialog.returnValue !== 'confirm' || !alertId) {
      if (alertId) restoreFocus(`${alertId}|resolve`);
      return;
    }
    const note = $('resolve-note').value.trim();
    try {
      const alert = await api(`/api/v1/care-teams/${encodeURIComponent(state.teamId)}/alerts/${encodeURIComponent(alertId)}/resolve`,
        { method: 'POST', body: { by: state.me.subject, note: note || null } });
      state.focusKey = null;
      replaceAlert(alert);
      $('inbox-title').setAttribute('tabindex', '-1');
      $('inbox-title').focus();
      announce(`Alert resolved: ${kindLabel(alert.kind)}, patient ${alert.patientId}.`);
    } catch (problem) {
      showInboxProblem(`Could not resolve: ${problem.message}`);
      announce(`Could not resolve: ${problem.message}`);
      restoreFocus(`${alertId}|resolve`);
    }
  }

  function onInboxClick(event) {
    const button = event.target.closest('button[data-action]');
    if (!button || button.disabled) return;
    if (button.dataset.action === 'acknowledge') acknowledge(button.dataset.alertId, button);
    else if (button.dataset.action === 'resolve') askToResolve(button.dataset.alertId);
  }

  // ---------- patient page ----------

  function currentPatientId() {
    const match = /^#\/patient\/(.+)$/.exec(location.hash);
    return match ? decodeURIComponent(match[1]) : null;
  }

  async function showPatient(patientId, focus) {
    $('patient-title').textContent = `Patient ${patientId}`;
    document.title = `Patient ${patientId} · Wearables Twins`;
    $('patient-error').textContent = '';
    if (focus) $('patient-title').focus();
    const entry = state.tiles.get(patientId);
    if (entry && entry.tile) renderPatientLatestFromTile(entry.tile);
    else $('patient-latest').replaceChildren(el('dt', { text: 'Loading' }), el('dd', { text: '…' }));
    $('patient-risk').replaceChildren();
    $('recent-charts').replaceChildren();
    $('history-charts').replaceChildren();
    const base = `/api/v1/patients/${encodeURIComponent(patientId)}`;
    try {
      const [patient, risk] = await Promise.all([api(base), api(`${base}/risk`)]);
      if (currentPatientId() !== patientId) return;
      renderPatientLatest(patient);
      renderRisk(risk);
    } catch (problem) {
      if (currentPatientId() !== patientId) return;
      $('patient-latest').replaceChildren();
      $('patient-error').textContent = problem.status === 404 ? 'This patient has no readings yet.' : `Could not load the patient: ${problem.message}`;
      return;
    }
    await loadCharts(patientId);
  }

  async function loadCharts(patientId) {
    const base = `/api/v1/patients/${encodeURIComponent(patientId)}/vitals`;
    const from = new Date(Date.now() - 7 * 24 * 3600 * 1000).toISOString();
    const charted = [KEY_VITALS[0], KEY_VITALS[1]];
    const recent = await Promise.allSettled(charted.map((vital) => api(`${base}?type=${vital.code}`)));
    const history = await Promise.allSettled(charted.map((vital) => api(`${base}?type=${vital.code}&from=${encodeURIComponent(from)}&resolution=1h`)));
    if (currentPatientId() !== patientId) return;
    $('recent-charts').replaceChildren(...charted.map((vital, i) => recent[i].status === 'fulfilled'
      ? lineChart(`${vital.label}, recent readings`, vital, recent[i].value.samples
        .filter((sample) => sample.value != null)
        .map((sample) => ({ time: new Date(sample.time), value: sample.value })))
      : el('p', { className: 'error', text: `${vital.label}: ${recent[i].reason.message}` })));
    $('history-charts').replaceChildren(...charted.map((vital, i) => history[i].status === 'fulfilled'
      ? lineChart(`${vital.label}, hourly mean with range`, vital, history[i].value.buckets
        .map((bucket) => ({ time: new Date(bucket.start), value: bucket.mean, min: bucket.min, max: bucket.max })))
      : el('p', { className: 'error', text: `${vital.label}: ${history[i].reason.message}` })));
  }

  function renderPatientLatestFromTile(tile) {
    const rows = [];
    for (const vital of KEY_VITALS) {
      const sample = tile.vitals && tile.vitals[vital.code];
      const text = vitalText(vital, sample);
      if (text !== null) rows.push(el('dt', { text: vital.label }), el('dd', { text: `${text} ${vital.unit} (${formatTime(sample.time)})` }));
    }
    if (tile.news2) rows.push(el('dt', { text: 'NEWS2' }), el('dd', { text: `${tile.news2.score} (${levelLabel(tile.news2.band).toLowerCase()}${tile.news2.partial ? ', partial' : ''})` }));
    $('patient-latest').replaceChildren(...(rows.length ? rows : [el('dt', { text: 'Readings' }), el('dd', { text: 'none yet' })]));
  }

  function renderPatientLatest(patient) {
    const rows = [];
    for (const [code, latest] of Object.entries(patient.vitals || {})) {
      const known = KEY_VITALS.find((vital) => vital.code === code);
      const sample = latest.latest;
      const text = known ? vitalText(known, sample)
        : sample.value != null ? String(Math.round(sample.value * 100) / 100) : sample.category || sample.stage || null;
      if (text === null) continue;
      const unit = known ? known.unit : sample.unit || '';
      rows.push(el('dt', { text: known ? known.label : code.replaceAll('_', ' ') }), el('dd', { text: `${text} ${unit} (${formatTime(sample.time)})`.replace('  ', ' ') }));
    }
    $('patient-latest').replaceChildren(...(rows.length ? rows : [el('dt', { text: 'Readings' }), el('dd', { text: 'none yet' })]));
  }

  function renderRisk(risk) {
    const findings = (risk.findings || []).filter((finding) => finding.status === 'open');
    const news2 = risk.news2
      ? `NEWS2 ${risk.news2.aggregate} (${levelLabel(risk.news2.band).toLowerCase()}${risk.news2.isPartial ? ', partial: some parameters missing' : ''})`
      : 'NEWS2 not scored yet';
    $('patient-risk').replaceChildren(
      el('p', {}, badge(risk.overallLevel, 'Risk'), ' ', news2),
      findings.length
        ? el('ul', { className: 'findings' }, findings.map((finding) =>
          el('li', {}, el('strong', { text: `${kindLabel(finding.kind)} (${levelLabel(finding.level).toLowerCase()}): ` }), finding.summary)))
        : el('p', { className: 'empty', text: 'No active findings.' }));
  }

  // An inline SVG line chart with a text summary and the data as a table, so it reads without the picture.
  let chartCounter = 0;
  function lineChart(title, vital, points) {
    const id = `chart-${++chartCounter}`;
    const figure = el('figure', { className: 'chart', 'aria-labelledby': `${id}-caption` }, el('figcaption', { id: `${id}-caption`, text: title }));
    if (points.length === 0) {
      figure.append(el('p', { className: 'empty', text: 'No readings in this range.' }));
      return figure;
    }
    const width = 640;
    const height = 220;
    const pad = { left: 48, right: 16, top: 14, bottom: 30 };
    const times = points.map((point) => point.time.getTime());
    const lows = points.map((point) => point.min ?? point.value);
    const highs = points.map((point) => point.max ?? point.value);
    let low = Math.min(...lows);
    let high = Math.max(...highs);
    if (high - low < 2) { low -= 1; high += 1; }
    const span = high - low;
    low -= span * 0.08;
    high += span * 0.08;
    const first = Math.min(...times);
    const last = Math.max(...times);
    const x = (time) => pad.left + (last === first ? 0.5 : (time - first) / (last - first)) * (width - pad.left - pad.right);
    const y = (value) => pad.top + (1 - (value - low) / (high - low)) * (height - pad.top - pad.bottom);
    const values = points.map((point) => point.value);
    const summary = `${points.length} ${points.length === 1 ? 'point' : 'points'} from ${formatTime(first)} to ${formatTime(last)}; `
      + `lowest ${Math.min(...lows).toFixed(vital.digits)}, highest ${Math.max(...highs).toFixed(vital.digits)}, latest ${values.at(-1).toFixed(vital.digits)} ${vital.unit}.`;

    const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${id}-title ${id}-desc` });
    chart.append(svg('title', { id: `${id}-title` }, title), svg('desc', { id: `${id}-desc` }, summary));
    for (const tick of [low + (high - low) * 0.1, (low + high) / 2, high - (high - low) * 0.1]) {
      chart.append(svg('line', { class: 'grid', x1: pad.left, x2: width - pad.right, y1: y(tick), y2: y(tick) }));
      chart.append(svg('text', { x: pad.left - 6, y: y(tick) + 4, 'text-anchor': 'end' }, tick.toFixed(vital.digits)));
    }
    chart.append(svg('line', { class: 'axis', x1: pad.left, x2: pad.left, y1: pad.top, y2: height - pad.bottom }));
    chart.append(svg('line', { class: 'axis', x1: pad.left, x2: width - pad.right, y1: height - pad.bottom, y2: height - pad.bottom }));
    chart.append(svg('text', { x: pad.left, y: height - 8, 'text-anchor': 'start' }, formatTime(first)));
    chart.append(svg('text', { x: width - pad.right, y: height - 8, 'text-anchor': 'end' }, formatTime(last)));
    if (points.some((point) => point.min !== undefined)) {
      const upper = points.map((point) => `${x(point.time.getTime())},${y(point.max)}`);
      const lower = points.map((point) => `${x(point.time.getTime())},${y(point.min)}`).reverse();
      chart.append(svg('polygon', { class: 'band', points: [...upper, ...lower].join(' ') }));
    }
    chart.append(svg('polyline', { class: 'series', points: points.map((point) => `${x(point.time.getTime())},${y(point.value)}`).join(' ') }));
    const end = points.at(-1);
    chart.append(svg('circle', { class: 'point', cx: x(end.time.getTime()), cy: y(end.value), r: 4 }));
    figure.append(chart, el('p', { className: 'hint', text: summary }));

    const rows = points.slice(-48).reverse().map((point) => el('tr', {},
      el('td', { text: formatTime(point.time) }),
      el('td', { text: point.value.toFixed(vital.digits) }),
      point.min !== undefined ? el('td', { text: `${point.min.toFixed(vital.digits)}–${point.max.toFixed(vital.digits)}` }) : null));
    const head = el('tr', {}, el('th', { scope: 'col', text: 'Time' }), el('th', { scope: 'col', text: `${points[0].min !== undefined ? 'Mean' : 'Value'} (${vital.unit})` }),
      points[0].min !== undefined ? el('th', { scope: 'col', text: 'Range' }) : null);
    figure.append(el('details', {}, el('summary', { text: 'Show the data as a table' }),
      el('table', {}, el('caption', { className: 'visually-hidden', text: title }), el('thead', {}, head), el('tbody', {}, rows))));
    return figure;
  }

  // ---------- start ----------

  async function start() {
    $('login-form').addEventListener('submit', signIn);
    $('sign-out').addEventListener('click', () => signOut('You are signed out.'));
    $('team-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const teamId = ($('team-choice').hidden ? $('team-input').value : $('team-choice').value).trim();
      if (!teamId) return;
      selectTeam(teamId);
      showSession();
      if (location.hash.startsWith('#/patient/')) location.hash = '#/';
      else route({ focus: true });
    });
    $('alerts').addEventListener('click', onInboxClick);
    $('resolved-alerts').addEventListener('click', onInboxClick);
    $('resolve-dialog').addEventListener('close', resolveClosed);
    $('patient-refresh').addEventListener('click', () => { const id = currentPatientId(); if (id) loadCharts(id); });
    window.addEventListener('hashchange', () => route({ focus: true }));

    const saved = sessionStorage.getItem(TOKEN_KEY);
    if (saved) {
      try {
        state.me = await validateToken(saved);
        state.token = saved;
        const teams = state.me.teams || [];
        const remembered = sessionStorage.getItem(TEAM_KEY);
        selectTeam(remembered && (state.me.role === 'admin' || teams.includes(remembered)) ? remembered : teams[0] || null);
        showSession();
        route();
        return;
      } catch (problem) {
        signOut(problem.message);
        return;
      }
    }
    showView('login-view');
  }

  start();
})();
