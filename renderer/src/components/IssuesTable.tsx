import type { RowIssue } from '../../../shared/import/types';

/** Rows of a file that could not be read: where, what the cell said, and why. */
export function IssuesTable({ issues }: { issues: RowIssue[] }) {
  return (
    <div className="issues">
      <table data-testid="issues-table">
        <thead>
          <tr>
            <th className="num">Line</th>
            <th>Column</th>
            <th>Cell</th>
            <th>Problem</th>
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
              <td>{i.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
