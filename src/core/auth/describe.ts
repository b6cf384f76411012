/** Helpers that let auth providers describe themselves without revealing secrets. */
import { inspect } from 'node:util';

/** `QTWAOYTTINDUT2QVKYUC` → `QTWA…UKYC`; identifiers shorter than 12 characters are fully masked. */
export function maskId(id: string): string {
  return id.length >= 12 ? `${id.slice(0, 4)}…${id.slice(-4)}` : '…';
}

/**
 * Installs `toJSON`, `toString` and `util.inspect` views built from `describe()` on a provider instance. The
 * description must only contain non-secret fields; secrets live in `#private` fields or closures, which none of
 * these views (nor `Object.keys`, spread or structured logging) can reach.
 */
export abstract class DescribedProvider {
  /** Non-secret fields describing the provider; every view below is built from it. */
  protected abstract describe(): Record<string, unknown>;

  /** JSON view of the provider: kind and non-secret settings only. */
  toJSON(): Record<string, unknown> {
    return this.describe();
  }

  /** Short text view, e.g. `AuthProvider(huawei-aksk: ak=QTWA…UKYC, temporary=false)`. */
  toString(): string {
    const d = this.describe();
    const { kind, ...rest } = d;
    const parts = Object.entries(rest)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${String(v)}`);
    return `AuthProvider(${String(kind)}${parts.length > 0 ? `: ${parts.join(', ')}` : ''})`;
  }

  /** `util.inspect` view: the class name and the non-secret description. */
  [inspect.custom](_depth: number, options: object, inspectFn: typeof inspect = inspect): string {
    return `${this.constructor.name} ${inspectFn(this.describe(), options)}`;
  }
}
