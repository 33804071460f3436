import { StyleProvider } from '@ant-design/cssinjs';
import { ed25519 } from '@noble/curves/ed25519';
import { hexToBytes } from '@noble/hashes/utils';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp, ConfigProvider } from 'antd';
import { checkpointNote, toHex } from '@ledger-proof';
import { I18nProvider } from '@/i18n/i18n';
import { inclusionProof, leafHash, MerkleAppender } from '../../../../backend/src/modules/audit/merkle';
import { stubApi } from '../../../test/fetch-stub';
import type { DocumentProof } from '@/api/ledger-proof';
import { LedgerProofCard } from './ledger-proof-card';

const base64 = (b: Uint8Array) => btoa(String.fromCharCode(...b));
const secret = ed25519.utils.randomSecretKey();
const pem = `-----BEGIN PUBLIC KEY-----\n${base64(new Uint8Array([...hexToBytes('302a300506032b6570032100'), ...ed25519.getPublicKey(secret)]))}\n-----END PUBLIC KEY-----\n`;

/** A ledger of 6 entries sealed under checkpoint #3, signed as the server signs; the proof of entry 4 (the document's). */
function sealedProof(): DocumentProof {
  const data = [...Array(6).keys()].map((i) => JSON.stringify(['thidua-audit-v1', String(40 + i), 'round.finalise']));
  const tree = new MerkleAppender();
  const nodes = new Map<string, Uint8Array>();
  data.forEach((d, i) => {
    nodes.set(`0:${i}`, leafHash(d));
    for (const n of tree.append(leafHash(d))) nodes.set(`${n.level}:${n.index}`, n.hash);
  });
  const root = tree.root();
  const sealedAt = '2026-12-07T02:05:00.000Z';
  const signature = ed25519.sign(new TextEncoder().encode(checkpointNote({ treeSize: 6, rootHash: root, sealedAt })), secret);
  return {
    status: 'sealed', message: '', entryId: '44', action: 'round.finalise', occurredAt: '2026-12-07T02:04:59.000Z', leafIndex: 4, leafData: data[4],
    leafHash: toHex(leafHash(data[4])), sealedLeafHash: toHex(leafHash(data[4])),
    proof: inclusionProof(4, 6, (id) => nodes.get(`${id.level}:${id.index}`)!).map(toHex),
    checkpoint: { number: 3, treeSize: 6, rootHash: toHex(root), sealedAt, keyId: 'a1b2c3d4e5f60718', signature: base64(signature) },
    publicKey: pem, ok: true, problem: null,
  };
}

function renderCard() {
  localStorage.setItem('thidua.locale', 'vi');
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <StyleProvider mock="server">
      <I18nProvider>
        <QueryClientProvider client={client}>
          <ConfigProvider>
            <AntApp><LedgerProofCard source={{ kind: 'ranking', roundId: 'round-1' }} /></AntApp>
          </ConfigProvider>
        </QueryClientProvider>
      </I18nProvider>
    </StyleProvider>,
  );
}

describe('LedgerProofCard', () => {
  it('shows the checkpoint, time and root fingerprint; "Xác minh văn bản này" checks the proof in the browser', async () => {
    const proof = sealedProof();
    const api = stubApi({ 'GET /api/rounds/:id/snapshot/ledger-proof': proof });
    renderCard();
    const card = await screen.findByRole('region', { name: 'Niêm phong trong sổ kiểm toán' });
    expect(await screen.findByText('#3 (6 mục)')).toBeInTheDocument();
    expect(card).toHaveTextContent('07/12/2026 09:05'); // sealed at 02:05 UTC: 09:05 in Hà Nội
    expect(card).toHaveTextContent(`${proof.checkpoint!.rootHash.slice(0, 4)} ${proof.checkpoint!.rootHash.slice(4, 8)}`);
    expect(api.calls('GET /api/rounds/:id/snapshot/ledger-proof')[0].params.id).toBe('round-1');
    await userEvent.click(screen.getByRole('button', { name: 'Xác minh văn bản này' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Văn bản đã được xác minh: mục nhật ký dẫn tới gốc #3');
  });

  it('names an altered entry, whatever the server says', async () => {
    const proof = sealedProof();
    stubApi({ 'GET /api/rounds/:id/snapshot/ledger-proof': { ...proof, leafData: proof.leafData!.replace('44', '45'), ok: true } });
    renderCard();
    await userEvent.click(await screen.findByRole('button', { name: 'Xác minh văn bản này' }));
    expect(await screen.findByRole('status')).toHaveTextContent('mục nhật ký ghi nhận văn bản đã bị sửa sau khi niêm phong');
  });

  it('a checkpoint re-rooted without the key fails on its signature', async () => {
    const proof = sealedProof();
    stubApi({ 'GET /api/rounds/:id/snapshot/ledger-proof': { ...proof, checkpoint: { ...proof.checkpoint!, treeSize: 7 } } });
    renderCard();
    await userEvent.click(await screen.findByRole('button', { name: 'Xác minh văn bản này' }));
    expect(await screen.findByRole('status')).toHaveTextContent(/Xác minh thất bại/);
  });

  it('says the document awaits sealing instead of failing', async () => {
    stubApi({ 'GET /api/rounds/:id/snapshot/ledger-proof': { ...sealedProof(), status: 'pending', checkpoint: null, leafIndex: null, proof: [], ok: null } });
    renderCard();
    expect(await screen.findByText(/Đang chờ niêm phong/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Xác minh văn bản này' })).toBeNull();
  });
});
