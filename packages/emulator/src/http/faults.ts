import type { ErrCode } from '@wxlocal/api';

/** An error the next calls of one endpoint answer, whatever they carry. */
export interface Fault {
  endpoint: string;
  errcode: ErrCode;
  remaining: number;
}

/**
 * Injected faults (the errors WeChat sends only when it is unwell, such as -1 "system error"): a test arms
 * one on the control plane, and the endpoint's next calls answer it and change nothing.
 */
export class Faults {
  private faults: Fault[] = [];

  arm(endpoint: string, errcode: ErrCode, count: number): Fault {
    const fault = { endpoint, errcode, remaining: count };
    this.faults.push(fault);
    return { ...fault };
  }

  /** The errcode this call of `endpoint` must answer, if a fault is armed for it. */
  take(endpoint: string): ErrCode | undefined {
    const fault = this.faults.find((candidate) => candidate.endpoint === endpoint);
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining === 0) this.faults = this.faults.filter((candidate) => candidate !== fault);
    return fault.errcode;
  }

  list(): Fault[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  /** Disarms the faults of `endpoint`, or all of them. */
  clear(endpoint?: string): void {
    this.faults = endpoint === undefined ? [] : this.faults.filter((fault) => fault.endpoint !== endpoint);
  }
}
