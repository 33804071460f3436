/**
 * State of the self-assessment form outside React: one record per criterion, each with its own
 * subscribers, so typing in one row re-renders that row (and the totals), never the whole form.
 *
 * Autosave: an edit waits `debounceMs`, then PUTs the row with the version it was based on; saves of one
 * row never overlap (a later edit waits for the save in flight, then goes with the new version). A 409
 * "stale_version" puts the newer server value in the row and keeps what the user typed aside, so nothing
 * is lost; any other refusal keeps the typed value and shows the server's message.
 */
import type { Assessment, AssessmentRow, Evidence, SaveOutcome, ScoreInput, ScoreRow } from './api/assessment';
import { computeTotals, isLeaf, toInput, valueFromServer, type LeafState, type LocalTotals, type RowValue } from './assessment-values';

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error' | 'stale';

export interface RowState extends LeafState {
  id: string;
  /** Server version the value builds on (0: no row yet). */
  version: number;
  save: SaveState;
  /** The server's refusal (error), or its stale-version message. */
  message: string | null;
  /** A number that cannot be read: nothing is sent until it is fixed. */
  unreadable: boolean;
  /** Last saved (or loaded) server row: when and by whom. */
  savedAt: string | null;
  savedBy: string | null;
  /** After a 409: what this user had typed, to re-apply on request. */
  mine: RowValue | null;
  uploading: number;
}

export interface Summary {
  totals: LocalTotals;
  pending: number;
  saving: number;
  errors: number;
  stale: number;
  uploading: number;
  lastSavedAt: string | null;
}

export type Saver = (criterionId: string, body: ScoreInput) => Promise<SaveOutcome>;

export interface StoreOptions {
  debounceMs?: number;
  /** A save landed (the page refetches totals computed by the server, e.g. target scores). */
  onSaved?: () => void;
  /** A save was refused for a reason other than a stale version (the page reloads status and permissions). */
  onRefused?: (message: string) => void;
}

export class AssessmentStore {
  readonly rows: AssessmentRow[] = [];
  private meta = new Map<string, AssessmentRow>();
  private state = new Map<string, RowState>();
  private rowListeners = new Map<string, Set<() => void>>();
  private listeners = new Set<() => void>();
  private timers = new Map<string, ReturnType<typeof setTimeout>>();
  private inFlight = new Map<string, Promise<void>>();
  /** Edit counters: a save knows whether the row changed while it was in flight. */
  private seq = new Map<string, number>();
  private summaryCache: Summary | null = null;
  private lastSavedAt: string | null = null;
  private readonly debounceMs: number;

  constructor(private readonly saver: Saver, private readonly opts: StoreOptions = {}) {
    this.debounceMs = opts.debounceMs ?? 600;
  }

  // ------------------------------------------------------------------ reading

  getMeta = (id: string): AssessmentRow => this.meta.get(id)!;
  getRow = (id: string): RowState | undefined => this.state.get(id);

  subscribeRow(id: string, fn: () => void): () => void {
    const set = this.rowListeners.get(id) ?? new Set();
    set.add(fn);
    this.rowListeners.set(id, set);
    return () => void set.delete(fn);
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => void this.listeners.delete(fn);
  };

  summary = (): Summary => {
    if (!this.summaryCache) {
      let pending = 0, saving = 0, errors = 0, stale = 0, uploading = 0;
      for (const s of this.state.values()) {
        if (s.save === 'pending') pending++;
        if (s.save === 'saving') saving++;
        if (s.save === 'error' || s.unreadable) errors++;
        if (s.save === 'stale') stale++;
        uploading += s.uploading;
      }
      const totals = computeTotals(this.rows, (id) => this.state.get(id));
      this.summaryCache = { totals, pending, saving, errors, stale, uploading, lastSavedAt: this.lastSavedAt };
    }
    return this.summaryCache;
  };

  /** Nothing waiting to be saved or being saved. */
  isSettled = () => this.timers.size === 0 && this.inFlight.size === 0;

  // ------------------------------------------------------------------ loading

  /** First load, or a refetch: server values replace rows the user is not editing and that changed on the server. */
  load(dto: Assessment): void {
    if (!this.rows.length) {
      this.rows.push(...dto.rows);
      for (const r of dto.rows) {
        this.meta.set(r.criterionId, r);
        if (!isLeaf(r.type)) continue;
        this.state.set(r.criterionId, {
          id: r.criterionId, value: valueFromServer(r, r.self), version: r.self?.version ?? 0, save: 'idle', message: null, unreadable: false,
          savedAt: r.self?.updatedAt ?? null, savedBy: r.self?.updatedByName ?? null, mine: null, evidence: r.evidence, uploading: 0,
          serverScore: r.selfScore, serverActual: r.self?.actual ?? null, invalid: false,
        });
      }
      this.changed([]);
      return;
    }
    const touched: string[] = [];
    for (const r of dto.rows) {
      this.meta.set(r.criterionId, r);
      const cur = this.state.get(r.criterionId);
      if (!cur) continue;
      let next = cur;
      const patch = (p: Partial<RowState>) => (next = { ...next, ...p });
      if (!sameEvidence(cur.evidence, r.evidence) && cur.uploading === 0) patch({ evidence: r.evidence });
      if (cur.serverScore !== r.selfScore || cur.serverActual !== (r.self?.actual ?? null)) patch({ serverScore: r.selfScore, serverActual: r.self?.actual ?? null });
      const serverVersion = r.self?.version ?? 0;
      const quiet = cur.save === 'idle' || cur.save === 'saved' || cur.save === 'stale';
      if (quiet && serverVersion > cur.version) {
        patch({ value: valueFromServer(r, r.self), version: serverVersion, savedAt: r.self?.updatedAt ?? null, savedBy: r.self?.updatedByName ?? null });
        this.bump(r.criterionId);
      }
      if (next !== cur) {
        this.state.set(r.criterionId, next);
        touched.push(r.criterionId);
      }
    }
    // Rows are in a fixed order for the round; the tree itself never changes once the round is open.
    this.rows.splice(0, this.rows.length, ...dto.rows);
    this.changed(touched);
  }

  // ------------------------------------------------------------------ editing

  edit(id: string, patch: Partial<RowValue>): void {
    const cur = this.state.get(id);
    if (!cur) return;
    const value = { ...cur.value, ...patch, items: patch.items ? { ...cur.value.items, ...patch.items } : cur.value.items };
    const unreadable = 'invalid' in toInput(this.getMeta(id).type, value, 0);
    this.set(id, { value, save: 'pending', message: null, unreadable, invalid: unreadable, mine: null });
    this.bump(id);
    this.schedule(id);
  }

  /** After a 409: put back what this user typed, on top of the newer version. */
  useMine(id: string): void {
    const cur = this.state.get(id);
    if (!cur?.mine) return;
    this.edit(id, cur.mine);
  }

  /** After a 409: keep the newer value. */
  dismissStale(id: string): void {
    const cur = this.state.get(id);
    if (cur?.save === 'stale') this.set(id, { save: 'saved', message: null, mine: null });
  }

  /** Retry a row that failed (network) without changing it. */
  retry(id: string): void {
    this.set(id, { save: 'pending' });
    void this.saveNow(id);
  }

  /** Saves everything waiting now; resolves when no save is left in flight. */
  async flush(): Promise<void> {
    for (const id of [...this.timers.keys()]) void this.saveNow(id);
    while (this.inFlight.size) await Promise.all([...this.inFlight.values()]);
  }

  addEvidence(id: string, e: Evidence): void {
    const cur = this.state.get(id);
    if (cur) this.set(id, { evidence: [...cur.evidence, e] });
  }

  removeEvidence(id: string, evidenceId: string): void {
    const cur = this.state.get(id);
    if (cur) this.set(id, { evidence: cur.evidence.filter((e) => e.id !== evidenceId) });
  }

  uploading(id: string, delta: number): void {
    const cur = this.state.get(id);
    if (cur) this.set(id, { uploading: Math.max(0, cur.uploading + delta) });
  }

  // ------------------------------------------------------------------ saving

  private schedule(id: string): void {
    clearTimeout(this.timers.get(id));
    this.timers.set(id, setTimeout(() => void this.saveNow(id), this.debounceMs));
  }

  private saveNow(id: string): Promise<void> {
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    const running = this.inFlight.get(id);
    if (running) {
      // One save per row at a time: the next one goes with the version this one returns.
      const next = running.then(() => (this.state.get(id)?.save === 'pending' ? this.saveNow(id) : undefined));
      return next;
    }
    const cur = this.state.get(id);
    if (!cur || cur.save !== 'pending') return Promise.resolve();
    const input = toInput(this.getMeta(id).type, cur.value, cur.version);
    if ('invalid' in input) {
      this.set(id, { save: 'error', message: null, unreadable: true, invalid: true });
      return Promise.resolve();
    }
    const sentSeq = this.seq.get(id) ?? 0;
    this.set(id, { save: 'saving' });
    const p = this.saver(id, input.body)
      .then((outcome) => this.settle(id, sentSeq, outcome))
      .finally(() => {
        this.inFlight.delete(id);
        this.changed([]);
      });
    this.inFlight.set(id, p);
    return p;
  }

  private settle(id: string, sentSeq: number, outcome: SaveOutcome): void {
    const cur = this.state.get(id)!;
    const editedMeanwhile = (this.seq.get(id) ?? 0) !== sentSeq;
    if (outcome.kind === 'saved') {
      const r = outcome.row;
      this.lastSavedAt = r.updatedAt;
      this.set(id, {
        version: r.version, savedAt: r.updatedAt, savedBy: r.updatedByName, message: null, invalid: false,
        save: editedMeanwhile ? 'pending' : 'saved',
      });
      if (editedMeanwhile) this.schedule(id);
      this.opts.onSaved?.();
      return;
    }
    if (outcome.kind === 'stale') {
      const current: ScoreRow | null = outcome.current;
      this.set(id, {
        value: valueFromServer(this.getMeta(id), current), version: current?.version ?? 0, save: 'stale', message: outcome.message,
        savedAt: current?.updatedAt ?? null, savedBy: current?.updatedByName ?? null, mine: cur.value, invalid: false, unreadable: false,
      });
      this.bump(id);
      clearTimeout(this.timers.get(id));
      this.timers.delete(id);
      this.opts.onSaved?.();
      return;
    }
    // Refused or failed: the typed value stays; a further edit tries again.
    this.set(id, { save: editedMeanwhile ? 'pending' : 'error', message: outcome.message, invalid: outcome.status === 400 && !editedMeanwhile });
    if (editedMeanwhile) this.schedule(id);
    else if (outcome.status !== 400 && outcome.status !== 0) this.opts.onRefused?.(outcome.message);
  }

  // ------------------------------------------------------------------ internals

  private bump(id: string): void {
    this.seq.set(id, (this.seq.get(id) ?? 0) + 1);
  }

  private set(id: string, patch: Partial<RowState>): void {
    const cur = this.state.get(id);
    if (!cur) return;
    this.state.set(id, { ...cur, ...patch });
    this.changed([id]);
  }

  private changed(ids: string[]): void {
    this.summaryCache = null;
    for (const id of ids) this.rowListeners.get(id)?.forEach((fn) => fn());
    this.listeners.forEach((fn) => fn());
  }
}

const sameEvidence = (a: readonly Evidence[], b: readonly Evidence[]) => a.length === b.length && a.every((e, i) => e.id === b[i].id);
