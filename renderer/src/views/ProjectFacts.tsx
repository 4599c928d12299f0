import { projectsFor } from '../../../shared/suggestions/projects';
import { formatDate } from '../format';

/**
 * The program's projects behind the default themes, with where each fact comes from. A source is
 * shown as text to copy, not a link: the app never opens a page by itself.
 */
export function ProjectFacts({ themes }: { themes: readonly { id: string; name: string; color: string }[] }) {
  const shown = projectsFor(themes);
  if (shown.length === 0) return null;
  return (
    <section className="panel wide" aria-labelledby="projects-heading" data-testid="project-facts">
      <h2 id="projects-heading">Where the default themes come from</h2>
      <p className="muted small">The first three projects of Japan's $550 billion US investment program, announced {formatDate(shown[0]!.announced)}.</p>
      <div className="projects">
        {shown.map((p) => {
          const theme = themes.find((t) => t.id === p.themeId)!;
          return (
            <article key={p.themeId} className="project" data-testid={`project-${p.themeId}`}>
              <h3>
                <span className="swatch" style={{ background: theme.color }} />
                {theme.name}
              </h3>
              <p className="small">
                <strong>{p.name}</strong>: {p.summary}
              </p>
              <dl>
                <dt>Sponsor</dt>
                <dd>{p.sponsor}</dd>
                <dt>Where</dt>
                <dd>{p.location}</dd>
                <dt>Size</dt>
                <dd>{p.size}</dd>
                <dt>Announced</dt>
                <dd>{formatDate(p.announced)}</dd>
              </dl>
              {p.sources.map((s) => (
                <p key={s.url} className="source">
                  Source: {s.title}. <span className="url">{s.url}</span>
                </p>
              ))}
            </article>
          );
        })}
      </div>
    </section>
  );
}
