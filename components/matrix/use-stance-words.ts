"use client";

import { useState } from "react";

/** What a stance being written says, each editable: its position, its summary and the date it was stated. */
export function useStanceWords<P extends string>(initial: { position: P; summary: string; statedOn: string }) {
  const [position, setPosition] = useState<P>(initial.position);
  const [summary, setSummary] = useState(initial.summary);
  const [statedOn, setStatedOn] = useState(initial.statedOn);
  return { position, setPosition, summary, setSummary, statedOn, setStatedOn };
}
