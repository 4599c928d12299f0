// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Modal } from '../../../renderer/src/ui/Modal';

afterEach(cleanup);

/** A dialog as the views write them: a new onClose function on every render. */
function RenameDialog({ onClosed }: { onClosed: () => void }) {
  const [name, setName] = useState('Smith');
  const [client, setClient] = useState('');
  return (
    <Modal title="Rename" testId="rename" onClose={() => onClosed()}>
      <input aria-label="Name" value={name} onChange={(e) => setName(e.target.value)} />
      <input aria-label="Client" value={client} onChange={(e) => setClient(e.target.value)} />
    </Modal>
  );
}

describe('modal dialog', () => {
  it('focuses its first control once; typing in another field (a re-render with a new onClose) keeps focus there', () => {
    const closed = vi.fn();
    render(<RenameDialog onClosed={closed} />);
    expect(document.activeElement).toBe(screen.getByLabelText('Name'));
    const client = screen.getByLabelText('Client');
    client.focus();
    fireEvent.change(client, { target: { value: 'Ann' } });
    expect(document.activeElement).toBe(client);
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(closed).toHaveBeenCalledTimes(1);
  });
});
