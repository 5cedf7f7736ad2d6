import { useT } from '../../hooks/useT';
import type { MessageKey } from '../../i18n';
import type { FileIssue, FileWarning } from '../../model/fileFormat';

const TYPES = ['array', 'object', 'string', 'number', 'boolean'];

/** The issue's parameters, with an expected type named in the interface language. */
function localParams(issue: FileIssue, t: ReturnType<typeof useT>): FileIssue['params'] {
  const expected = issue.params?.expected;
  if (issue.problem !== 'wrongType' || typeof expected !== 'string' || !TYPES.includes(expected)) return issue.params;
  return { ...issue.params, expected: t(`file.type.${expected}` as MessageKey) };
}

/** What is wrong with a file, one line per problem: where (path) and why, in the interface language. */
export function FileIssueList({ issues, more }: { issues: readonly FileIssue[]; more: boolean }) {
  const t = useT();
  return (
    <ul className="import-problems" aria-label={t.plural('importBoard.invalid', issues.length)}>
      {issues.map((issue, i) => (
        <li key={i}>
          <code>{issue.path}</code> : {t(`file.problem.${issue.problem}` as MessageKey, localParams(issue, t))}
        </li>
      ))}
      {more && <li>{t('importBoard.more', { count: issues.length })}</li>}
    </ul>
  );
}

/** What an import repairs (texts cut to their limit, dangling references), listed before anything is created. */
export function FileWarningList({ warnings }: { warnings: readonly FileWarning[] }) {
  const t = useT();
  return (
    <details>
      <summary>{t('importBoard.warnings', { count: warnings.length })}</summary>
      <ul className="import-problems import-warnings">
        {warnings.slice(0, 200).map(({ kind, ...params }, i) => (
          <li key={i}>{t(`file.warning.${kind}`, params)}</li>
        ))}
      </ul>
    </details>
  );
}
