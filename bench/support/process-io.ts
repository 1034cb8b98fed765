// This process's file I/O from /proc/self/io (Linux): bytes and calls of read and write, whether
// the page cache or the disk served them. Unlike CPU time on a shared machine these barely vary
// from run to run, so a change to the store's I/O shows in one run. null where /proc is not there.
import { readFileSync } from 'node:fs';

export interface ProcessIo {
  readBytes: number;
  writtenBytes: number;
  readCalls: number;
  writeCalls: number;
}

export function processIo(): ProcessIo | null {
  let text: string;
  try {
    text = readFileSync('/proc/self/io', 'utf8');
  } catch {
    return null;
  }
  const field = (name: string) => Number(new RegExp(`^${name}: (\\d+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
  return { readBytes: field('rchar'), writtenBytes: field('wchar'), readCalls: field('syscr'), writeCalls: field('syscw') };
}

/** What happened between two readings, per item (bytes in KB). */
export function ioPerItem(before: ProcessIo | null, after: ProcessIo | null, items: number) {
  if (before === null || after === null || items === 0) return null;
  const per = (value: number, scale = 1) => Math.round(((value / items) * 10) / scale) / 10;
  return {
    readKb: per(after.readBytes - before.readBytes, 1024),
    writtenKb: per(after.writtenBytes - before.writtenBytes, 1024),
    readCalls: per(after.readCalls - before.readCalls),
    writeCalls: per(after.writeCalls - before.writeCalls),
  };
}
