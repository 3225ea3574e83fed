// OrleansProofs status page: polls this gateway's own API and draws the recent blocks as SVG.
// Everything is written with textContent / createElementNS: no markup is built from API data.
'use strict';

(() => {
  const BLOCKS = 60;
  const POLL_MS = 2000;
  const MIN_SLOTS = 30;
  const SVG = 'http://www.w3.org/2000/svg';
  const FORMATS = ['ultra-compact', 'path', 'compact', 'full'];
  const $ = (id) => document.getElementById(id);

  function show(id, value) {
    $(id).textContent = value === undefined || value === null ? '—' : String(value);
  }

  function setState(element, state, label) {
    element.classList.remove('ok', 'bad', 'unknown');
    element.classList.add(state);
    element.textContent = label;
  }

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' }, cache: 'no-store' });
    const body = await response.json().catch(() => null);
    return { ok: response.ok, status: response.status, body };
  }

  function ago(seconds) {
    if (seconds < 1) { return 'just now'; }
    if (seconds < 120) { return `${Math.round(seconds)} s ago`; }
    return `${Math.round(seconds / 60)} min ago`;
  }

  function renderHealth(result) {
    const body = result.body || {};
    const badge = $('readiness');
    const reason = $('readiness-reason');
    if (result.ok) {
      setState(badge, 'ok', 'Ready');
      reason.hidden = true;
    } else {
      setState(badge, 'bad', body.field ? `Not ready: ${body.field}` : `Not ready (HTTP ${result.status})`);
      reason.textContent = body.reason || body.detail || 'The health check did not answer.';
      reason.hidden = false;
    }

    const checks = result.ok ? { silo: body.silo, storage: body.storage, adapter: body.adapter } : (body.checks || {});
    const good = { silo: 'reachable', storage: 'reachable', adapter: 'fresh' };
    for (const name of Object.keys(good)) {
      const value = checks[name] || 'unknown';
      setState($(`check-${name}`), value === good[name] ? 'ok' : value === 'unknown' ? 'unknown' : 'bad', value);
    }

    show('node-role', body.role);
    show('count-missed', body.missedBlocks);
  }

  function renderStats(stats) {
    show('node-network', stats.network);
    show('node-profile', stats.profile);
    show('node-key', stats.proverPublicKey);
    show('count-active', stats.activeChains);
    show('count-pending', stats.pendingChains);
    show('count-groups', stats.totalGroups);
    show('count-regions', stats.totalRegions);
    show('count-faults', stats.latestFaults);
  }

  function renderLatest(blocks) {
    const latest = blocks[blocks.length - 1];
    if (!latest) { return; }
    show('latest-height', latest.height);
    const when = new Date(latest.timestamp * 1000);
    show('latest-time', `${when.toISOString().slice(11, 19)} UTC, ${ago(Date.now() / 1000 - latest.timestamp)}`);
    $('latest-time').title = when.toISOString();
    show('latest-chains', latest.totalChains);
    show('latest-hash', latest.blockHash);
    show('latest-root', latest.globalRoot);
    const signature = $('latest-signature');
    setState(signature, latest.signatureValid ? 'ok' : 'bad', latest.signatureValid ? '✓ valid' : '✗ INVALID');
    signature.classList.add('pill');
    show('count-window-faults', blocks.reduce((sum, b) => sum + b.faults, 0));
  }

  function svg(name, attributes, parent, text) {
    const element = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attributes)) { element.setAttribute(key, String(value)); }
    if (text !== undefined) { element.textContent = text; }
    parent.appendChild(element);
    return element;
  }

  // A "nice" axis maximum: 1, 2 or 5 times a power of ten, at least the data's maximum.
  function niceMax(value) {
    if (value <= 0) { return 1; }
    const power = Math.pow(10, Math.floor(Math.log10(value)));
    return [1, 2, 5, 10].map((m) => m * power).find((m) => m >= value);
  }

  function renderChart(blocks) {
    const chart = $('chart');
    chart.replaceChildren();
    chart.setAttribute('data-blocks', String(blocks.length));
    const width = 960, height = 280, left = 56, right = 48, top = 28, bottom = 34;
    const plotWidth = width - left - right, plotHeight = height - top - bottom;
    const maxMs = niceMax(Math.max(...blocks.map((b) => b.timings.totalMs), 0));
    // Chain counts are whole numbers: a multiple of 4 keeps the 4 grid steps whole.
    const maxChains = Math.max(4, Math.ceil(niceMax(Math.max(...blocks.map((b) => b.totalChains), 0)) / 4) * 4);
    for (let i = 0; i <= 4; i++) {
      const y = top + plotHeight - (plotHeight * i) / 4;
      svg('line', { class: 'grid', x1: left, x2: width - right, y1: y, y2: y }, chart);
      svg('text', { class: 'axis', x: left - 6, y: y + 4, 'text-anchor': 'end' }, chart, `${+(maxMs * i / 4).toFixed(2)}`);
      svg('text', { class: 'axis', x: width - right + 6, y: y + 4 }, chart, `${maxChains * i / 4}`);
    }
    svg('text', { class: 'axis', x: left - 6, y: 12, 'text-anchor': 'end' }, chart, 'ms');
    svg('text', { class: 'axis', x: width - right + 6, y: 12 }, chart, 'chains');
    if (blocks.length === 0) {
      $('chart-summary').textContent = 'No block recorded yet.';
      return;
    }

    // At least MIN_SLOTS slots, newest block at the right edge, so a young node's few bars stay narrow.
    const slots = Math.max(blocks.length, MIN_SLOTS);
    const slot = plotWidth / slots;
    const offset = slots - blocks.length;
    const points = [];
    blocks.forEach((block, i) => {
      const x = left + (offset + i) * slot;
      const barHeight = (plotHeight * block.timings.totalMs) / maxMs;
      const bar = svg('rect', {
        class: 'bar', x: x + slot * 0.15, width: Math.max(1, slot * 0.7),
        y: top + plotHeight - barHeight, height: Math.max(0.5, barHeight), 'data-height': block.height,
      }, chart);
      svg('title', {}, bar, `Block ${block.height}: ${block.timings.totalMs.toFixed(1)} ms, ${block.totalChains} chains, ${block.faults} faults`);
      points.push(`${(x + slot / 2).toFixed(1)},${(top + plotHeight - (plotHeight * block.totalChains) / maxChains).toFixed(1)}`);
    });
    svg('polyline', { class: 'chains', points: points.join(' ') }, chart);
    if (blocks.length <= 40) {
      points.forEach((p) => { const [cx, cy] = p.split(','); svg('circle', { class: 'dot', cx, cy, r: 2.5 }, chart); });
    }
    const first = blocks[0].height, last = blocks[blocks.length - 1].height;
    svg('text', { class: 'axis', x: left + offset * slot, y: height - 12 }, chart, `block ${first}`);
    svg('text', { class: 'axis', x: width - right, y: height - 12, 'text-anchor': 'end' }, chart, `block ${last}`);

    const ms = blocks.map((b) => b.timings.totalMs);
    const average = ms.reduce((a, b) => a + b, 0) / ms.length;
    $('chart-summary').textContent =
      `Blocks ${first}–${last}: processing ${Math.min(...ms).toFixed(1)}–${Math.max(...ms).toFixed(1)} ms (average ${average.toFixed(1)} ms), ` +
      `${Math.min(...blocks.map((b) => b.totalChains))}–${Math.max(...blocks.map((b) => b.totalChains))} chains per block.`;
  }

  async function refresh() {
    const [health, stats, recent] = await Promise.allSettled([
      getJson('/health'), getJson('/api/network/stats'), getJson(`/api/blocks?last=${BLOCKS}`),
    ]);
    if (health.status === 'fulfilled') {
      renderHealth(health.value);
    } else {
      setState($('readiness'), 'bad', 'Gateway unreachable');
    }
    if (stats.status === 'fulfilled' && stats.value.ok) { renderStats(stats.value.body); }
    if (recent.status === 'fulfilled' && recent.value.ok) {
      renderLatest(recent.value.body.blocks);
      renderChart(recent.value.body.blocks);
    }
    $('updated').textContent = new Date().toLocaleTimeString();
  }

  async function poll() {
    try {
      await refresh();
    } catch (error) {
      setState($('readiness'), 'bad', 'Update failed');
    }
    setTimeout(poll, POLL_MS);
  }

  function randomNonce() {
    const bytes = crypto.getRandomValues(new Uint8Array(12));
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  async function lookUp(event) {
    event.preventDefault();
    const id = $('chain-id').value.trim().toLowerCase();
    const message = $('lookup-message');
    const panel = $('chain');
    message.hidden = true;
    if (!/^[0-9a-f]{64}$/.test(id)) {
      panel.hidden = true;
      message.textContent = `A chain id is 64 hexadecimal characters; got ${id.length} characters.`;
      message.hidden = false;
      return;
    }

    const result = await getJson(`/api/chains/${id}`);
    if (!result.ok) {
      panel.hidden = true;
      message.textContent = (result.body && (result.body.reason || result.body.detail)) || `The lookup failed (HTTP ${result.status}).`;
      message.hidden = false;
      return;
    }

    const chain = result.body;
    show('chain-status', chain.status);
    show('chain-placement', `${chain.groupId} / ${chain.regionId}`);
    show('chain-length', chain.chainLength);
    show('chain-head', chain.headHeight);
    show('chain-faults', chain.faults);
    show('chain-file', `${chain.fileLength.toLocaleString()} bytes, ${chain.totalChunks} chunks`);
    show('chain-retention', chain.retentionPolicy);
    show('chain-commitment', chain.headCommitment);
    const nonce = randomNonce();
    show('chain-nonce', nonce);
    for (const format of FORMATS) {
      const link = $(`download-${format}`);
      link.href = `/api/chains/${id}/proofs/${format}` + (format === 'ultra-compact' ? `?nonce=${nonce}` : '');
      link.setAttribute('download', `${id.slice(0, 16)}.${format}.proof`);
    }
    panel.hidden = false;
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('lookup').addEventListener('submit', lookUp);
    poll();
  });
})();
