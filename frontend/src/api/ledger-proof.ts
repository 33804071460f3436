import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';

export type DocumentProof = Schemas['DocumentProofDto'];

/** The four documents that carry a ledger proof, each read through its own module (and its own access rule). */
export type ProofSource =
  | { kind: 'ranking'; roundId: string }
  | { kind: 'covenant'; covenantId: string }
  | { kind: 'tallyRecord'; ballotId: string }
  | { kind: 'proposal'; proposalId: string };

function fetchProof(s: ProofSource): Promise<DocumentProof> {
  switch (s.kind) {
    case 'ranking': return unwrap(api.GET('/api/rounds/{id}/snapshot/ledger-proof', { params: { path: { id: s.roundId } } }));
    case 'covenant': return unwrap(api.GET('/api/covenants/{id}/ledger-proof', { params: { path: { id: s.covenantId } } }));
    case 'tallyRecord': return unwrap(api.GET('/api/ballots/{id}/tally-record/ledger-proof', { params: { path: { id: s.ballotId } } }));
    case 'proposal': return unwrap(api.GET('/api/proposals/{id}/ledger-proof', { params: { path: { id: s.proposalId } } }));
  }
}

/** A document's ledger proof; asked again every 2 s while its entry awaits the sealer. */
export const useDocumentProof = (source: ProofSource) =>
  useQuery({
    queryKey: ['ledger-proof', source],
    queryFn: () => fetchProof(source),
    refetchInterval: (q) => (q.state.data?.status === 'pending' ? 2000 : false),
  });
