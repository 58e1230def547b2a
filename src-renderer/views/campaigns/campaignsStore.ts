import { create } from 'zustand';
import type { CampaignReport } from '../../../src-main/contract/campaigns';
import { desk } from '../../api/client';

interface CampaignsState {
  campaigns: CampaignReport[];
  selected: number | null;
  load(): Promise<void>;
  select(id: number | null): void;
  /** A `campaign.progress` event or an action's answer replaces that campaign's row. */
  upsert(r: CampaignReport): void;
}

export const useCampaigns = create<CampaignsState>((set, get) => ({
  campaigns: [],
  selected: null,
  async load() {
    const { campaigns } = await desk.call('campaigns.list', {});
    set({ campaigns });
  },
  select(id) {
    set({ selected: id });
  },
  upsert(r) {
    const list = get().campaigns;
    set({ campaigns: list.some((c) => c.id === r.id) ? list.map((c) => (c.id === r.id ? r : c)) : [r, ...list] });
  },
}));
