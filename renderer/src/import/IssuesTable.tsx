import { useTranslation } from 'react-i18next';
import type { RowIssue } from '../../../shared/import/types';
import { saidWords } from '../said-words';

/** Rows of a file that could not be read: where, what the cell said, and why. */
export function IssuesTable({ issues }: { issues: RowIssue[] }) {
  const { t } = useTranslation();
  return (
    <div className="issues">
      <table data-testid="issues-table">
        <thead>
          <tr>
            <th className="num">{t('Line')}</th>
            <th>{t('Column')}</th>
            <th>{t('Cell')}</th>
            <th>{t('Problem')}</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((i, n) => (
            <tr key={`${n}:${i.line}:${i.column ?? ''}`}>
              <td className="num">{i.line}</td>
              <td>{i.header ?? i.column ?? ''}</td>
              <td>
                <code>{i.cell}</code>
              </td>
              <td>{saidWords(t, i)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
