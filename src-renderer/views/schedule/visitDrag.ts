import type React from 'react';

/** Visits the desk may still move (the server refuses the others too). */
export const MOVABLE = new Set(['booked', 'confirmed']);

const TYPE = 'application/x-clinic-visit';

/** Starts dragging a visit: its id and where in the block it was grabbed (the week view keeps that offset). */
export function dragData(e: React.DragEvent<HTMLElement>, id: number): void {
  const grabY = e.clientY - e.currentTarget.getBoundingClientRect().top;
  e.dataTransfer.setData(TYPE, JSON.stringify({ id, grabY }));
  e.dataTransfer.effectAllowed = 'move';
}

export function readDrag(e: React.DragEvent<HTMLElement>): { id: number; grabY: number } | null {
  const raw = e.dataTransfer.getData(TYPE);
  if (!raw) return null;
  try {
    const d = JSON.parse(raw) as { id: unknown; grabY: unknown };
    return typeof d.id === 'number' && typeof d.grabY === 'number' ? { id: d.id, grabY: d.grabY } : null;
  } catch {
    return null;
  }
}
