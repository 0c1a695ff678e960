// Types of the widget entry (`claimlint/widget`): attach() upgrades inputs marked
// data-claimlint="icd10cm|icd10pcs|hcpcs|cpt|modifier|units|pointer|pos|date" under a root.
import type { CodeCheck, ClaimResult, BlobInfo } from '../pkg/claimlint.js';

export interface AttachOptions {
  /** Where the wasm-bindgen module, the wasm and the code sets live (default: beside this package's www/, in pkg/). */
  moduleUrl?: string;
  wasmUrl?: string;
  /** Host the data elsewhere, e.g. a newer `claimlint-data` release or your CDN. */
  blobUrl?: string;
  /** sha-256 of the blob ("sha256-BASE64" or hex), or a function resolving to it; checked before use. */
  integrity?: string | (() => string | Promise<string>);
  /** CSS selector of the date-of-service input, or a function giving the date for an input. */
  dateOfService?: string | ((input: HTMLElement) => string | undefined);
  /** practice: hints and suggestions; exam: verdict only. */
  mode?: 'practice' | 'exam';
  onResult?: (result: CodeCheck, input: HTMLInputElement) => void;
  onSelect?: (choice: { code: string; how: string; item: unknown; result: CodeCheck }, input: HTMLInputElement) => void;
  /** Overrides for any message in MESSAGES. */
  messages?: Partial<typeof MESSAGES>;
  /** URL of sw.js to keep pages, wasm and data for offline use, or false (default). */
  serviceWorker?: string | false;
  /**
   * The wasm module: `core` (default, for charge entry; outpatient facility claims get an OUTPATIENT-ENGINE
   * finding instead of the I/OCE edits; no grader), `exercise` (the core with the grader,
   * size-tuned) or `facility` (everything, the outpatient editor too, speed-tuned).
   * One engine per page: the first load decides.
   */
  engine?: EngineName;
}

/** The three wasm modules of the package (`claimlint`, `claimlint/exercise` and `claimlint/facility`). */
export type EngineName = 'core' | 'exercise' | 'facility';

/** The loaded engine the widget shares between fields. */
export interface Engine {
  readonly info: BlobInfo;
  readonly stats: { loadMs: number; bytes: number; engine: EngineName };
  hasSystem(system: string): boolean;
  checkCode(system: string, input: string, on?: string): CodeCheck;
  checkClaim(claim: unknown): ClaimResult;
}

export interface Handle {
  fields: unknown[];
  claims: unknown[];
  /** Resolves to the engine, or null when loading failed (the page shows a retry notice). */
  ready: Promise<Engine | null>;
  refresh(): void;
}

export function attach(root?: Document | Element, options?: AttachOptions): Handle;
export function readyEngine(): Engine | null;
export const engineEvents: EventTarget;
export const MESSAGES: Record<string, unknown>;
export class ClaimlintFieldElement extends HTMLElement {}
