import { useEffect, useState } from 'react';

/** The current time in epoch milliseconds, re-read every `intervalMs` (for countdowns). */
export const useNow = (intervalMs = 1_000): number => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
};
