// A bar chart of funnel counts (recharts), drawn as a picture of the table beside it: hidden from screen
// readers as a graphic with a one-line summary, because the table carries the figures.
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { funnelSteps, type FunnelStep } from '../../../shared/domain/conversion-report';

// One colour per step, readable in light and dark (CSS variables from reports.css).
const stepColours: Record<FunnelStep, string> = {
  added: 'var(--report-added)',
  sent: 'var(--report-sent)',
  authorized: 'var(--report-authorized)',
  checkedOut: 'var(--report-checked-out)',
};

export interface ChartRow {
  label: string;
  values: Partial<Record<FunnelStep, number>>;
}

export function ReportChart({
  rows,
  summary,
  steps = funnelSteps,
  height = 220,
}: {
  rows: ChartRow[];
  summary: string;
  steps?: readonly FunnelStep[];
  height?: number;
}) {
  const { t } = useTranslation('domain');
  const data = rows.map((row) => ({ label: row.label, ...row.values }));
  // Names under the bars overlap as soon as there are more than a few or they are long (resellers, owners):
  // then the bars lie down and the names stand one per line beside them.
  const sideways = rows.length > 4 || rows.some((row) => row.label.length > 14);
  const chartHeight = sideways ? Math.max(height, rows.length * 26 + 70) : height;
  return (
    <div className="report-chart" role="img" aria-label={summary} style={{ height: chartHeight }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={data}
          layout={sideways ? 'vertical' : 'horizontal'}
          margin={{ top: 8, right: 8, bottom: 8, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={sideways} horizontal={!sideways} />
          {sideways ? (
            <>
              <XAxis type="number" allowDecimals={false} tick={{ fill: 'var(--text-muted)', fontSize: 12 }} />
              <YAxis
                type="category"
                dataKey="label"
                width={150}
                interval={0}
                tick={{ fill: 'var(--text-muted)', fontSize: 12 }}
                tickFormatter={(label: string) => (label.length > 22 ? `${label.slice(0, 21)}…` : label)}
              />
            </>
          ) : (
            <>
              <XAxis dataKey="label" tick={{ fill: 'var(--text-muted)', fontSize: 12 }} interval={0} />
              <YAxis allowDecimals={false} tick={{ fill: 'var(--text-muted)', fontSize: 12 }} width={40} />
            </>
          )}
          <Tooltip
            contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' }}
            cursor={{ fill: 'var(--surface-2)' }}
          />
          {steps.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />}
          {steps.map((step) => (
            <Bar
              key={step}
              dataKey={step}
              name={t(`funnelStep.${step}`)}
              fill={stepColours[step]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
