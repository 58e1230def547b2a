import { create } from 'zustand';
import type { TemplateSummary } from '../../../src-main/contract/templates';
import { desk } from '../../api/client';

interface TemplatesState {
  items: TemplateSummary[];
  languages: string[];
  variables: string[];
  categories: string[];
  loaded: boolean;
  load(): Promise<void>;
}

/** The template library as the server has it; the view and the composer's "/" picker both read it. */
export const useTemplates = create<TemplatesState>((set) => ({
  items: [],
  languages: [],
  variables: [],
  categories: [],
  loaded: false,
  load: async () => {
    const r = await desk.call('templates.list', {});
    set({ items: r.items, languages: r.languages, variables: r.variables, categories: r.categories, loaded: true });
  },
}));

desk.on('templates.changed', () => {
  if (useTemplates.getState().loaded) void useTemplates.getState().load();
});
desk.onConnectionRestored(() => {
  if (useTemplates.getState().loaded) void useTemplates.getState().load();
});
