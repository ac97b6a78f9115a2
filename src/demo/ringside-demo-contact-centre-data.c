/* ringside-demo-contact-centre-data.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ringside-demo-server-private.h"

/* The generated contact centre of each sub-account: agent groups and agents, queue groups
 * and queues, dial groups and campaigns, seeded per account so that the data does not depend
 * on which account is asked for first. The resources that serve it are in
 * ringside-demo-contact-centre.c and the files it names. */

/* Agent groups and queue groups of real tenants: teams, languages, shifts. */
static const char * const agent_group_names[] = {
  "Tier 1 Support", "Tier 2 Support", "Billing & Payments", "Retention Desk",
  "Inbound Sales", "Outbound Sales", "Soporte en Español", "Night Shift", "Supervisors",
  "Chat Team", "Escalations", "VIP Care", "Onboarding", "Collections", "Field Dispatch",
  "Quality & Training", "Back Office", "Temp Staff — Holiday Peak",
};

static const char * const gate_group_names[] = {
  "Support Queues", "Billing Queues", "Sales Queues", "Spanish Queues", "After Hours",
  "Escalation Queues", "Partner Lines", "Priority Routing", "Retention Queues",
  "Technical Queues",
};

static const char * const gate_names[] = {
  "Password Reset", "Outage Line", "Billing Questions", "Refunds", "New Orders",
  "Cancellations", "Internet — Technical", "TV — Technical", "Callback Requests",
  "Voicemail Overflow", "Premium Line", "Account Changes", "Moving Service",
  "Device Returns", "Payment Arrangements", "General Enquiries",
};

static const char * const gate_descriptions[] = {
  "Inbound support calls", "Routed from the main IVR", "Customers with open tickets",
  "Business hours only", "Overflow from the primary queue", "Callers who chose Spanish",
};

static const char * const dial_group_names[] = {
  "Outbound Renewals", "Win-back", "Appointment Reminders", "Collections — Early Stage",
  "Collections — Late Stage", "Customer Surveys", "Lead Follow-up", "Webinar Invitations",
  "Payment Reminders", "Preview Sales",
};

static const char * const campaign_names[] = {
  "Renewal Outreach", "Win-back Offer", "Reminder Calls", "Past Due 30", "Past Due 90",
  "NPS Survey", "Web Leads", "Webinar Follow-up", "Autopay Enrolment", "Upgrade Offer",
  "Trial Conversion", "Lapsed Customers",
};

static const char * const month_names[] = {
  "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

/* "Name", then "Name 2", "Name 3" once the names run out. */
static char *
cycled_name (const char * const *names,
             guint               n_names,
             guint               i)
{
  if (i < n_names)
    return g_strdup (names[i]);

  return g_strdup_printf ("%s %u", names[i % n_names], i / n_names + 1);
}

/* Splits @total members among @n_groups unevenly (weights 1 to 5), writing where each
 * group's range starts; first[n_groups] is @total. */
static guint *
split_members (GRand *rand,
               guint  total,
               guint  n_groups)
{
  g_autofree guint *weights = g_new (guint, n_groups);
  guint *first = g_new0 (guint, n_groups + 1);
  guint64 sum = 0, cumulative = 0;

  for (guint i = 0; i < n_groups; i++)
    sum += weights[i] = g_rand_int_range (rand, 1, 6);

  for (guint i = 0; i < n_groups; i++)
    {
      first[i] = (guint) (total * cumulative / sum);
      cumulative += weights[i];
    }
  first[n_groups] = total;

  return first;
}

/* Hiring since January 2020; logins up to mid-November 2026. */
#define CC_EPOCH      G_GINT64_CONSTANT (1577865600)
#define CC_REFERENCE  G_GINT64_CONSTANT (1794900000)

static void
generate_agents (DemoCcAccount *account,
                 GRand         *rand,
                 guint          n_groups,
                 guint          n_agents)
{
  g_autofree guint *first = split_members (rand, n_agents, n_groups);
  g_autofree guint16 *name_uses = g_new0 (guint16, ringside_demo_n_first_names *
                                                   ringside_demo_n_last_names);
  gint64 step = MAX ((CC_REFERENCE - CC_EPOCH) / MAX (n_agents, 1), 1);

  g_array_set_size (account->agent_groups, n_groups);
  g_array_set_size (account->agents, n_agents);

  for (guint g = 0; g < n_groups; g++)
    {
      DemoAgentGroup *group = &g_array_index (account->agent_groups, DemoAgentGroup, g);

      /* RingCX makes a default group in every account. */
      group->is_default = g == 0;
      group->name = g == 0 ? g_strdup ("Default Group")
                           : cycled_name (agent_group_names, G_N_ELEMENTS (agent_group_names),
                                          g - 1);
      group->first_agent = first[g];
      group->n_agents = first[g + 1] - first[g];

      for (guint a = first[g]; a < first[g + 1]; a++)
        {
          DemoAgent *agent = &g_array_index (account->agents, DemoAgent, a);
          guint roll = g_rand_int_range (rand, 0, 100);
          guint uses;

          agent->group = g;
          agent->first = g_rand_int_range (rand, 0, ringside_demo_n_first_names);
          agent->last = g_rand_int_range (rand, 0, ringside_demo_n_last_names);
          uses = ++name_uses[agent->first * ringside_demo_n_last_names + agent->last];
          agent->email_number = uses > 1 ? uses : 0;
          agent->type = roll < 85 ? AGENT_TYPE_AGENT
                      : roll < 95 ? AGENT_TYPE_SUPERVISOR
                      : roll < 98 ? AGENT_TYPE_MULTI_SUPERVISOR : AGENT_TYPE_MULTI_USER;
          agent->created = CC_EPOCH + (gint64) a * step + g_rand_int_range (rand, 0, step);
          agent->last_login = g_rand_int_range (rand, 0, 10) == 0
                                ? 0 : CC_REFERENCE - g_rand_int_range (rand, 600, 30 * 86400);
          agent->secret_seed = g_rand_int (rand);
          agent->active = g_rand_int_range (rand, 0, 100) >= 8;
          agent->linked = g_rand_int_range (rand, 0, 100) >= 4;
          agent->inbound = g_rand_int_range (rand, 0, 100) >= 10;
          agent->outbound = !agent->inbound || g_rand_boolean (rand);
        }
    }
}

static void
generate_queues (DemoCcAccount *account,
                 GRand         *rand,
                 guint          n_groups,
                 guint          n_gates)
{
  g_autofree guint *first = split_members (rand, n_gates, n_groups);

  g_array_set_size (account->gate_groups, n_groups);
  g_array_set_size (account->gates, n_gates);

  for (guint g = 0; g < n_groups; g++)
    {
      DemoGateGroup *group = &g_array_index (account->gate_groups, DemoGateGroup, g);
      guint topic = g_rand_int_range (rand, 0, G_N_ELEMENTS (gate_names));

      group->name = cycled_name (gate_group_names, G_N_ELEMENTS (gate_group_names), g);
      group->first_gate = first[g];
      group->n_gates = first[g + 1] - first[g];
      group->created = CC_EPOCH + g_rand_int_range (rand, 0, 1000) * G_GINT64_CONSTANT (86400);

      for (guint q = first[g]; q < first[g + 1]; q++)
        {
          DemoGate *gate = &g_array_index (account->gates, DemoGate, q);
          guint local = q - first[g];

          gate->group = g;
          gate->name = cycled_name (gate_names, G_N_ELEMENTS (gate_names),
                                    (topic + local) % G_N_ELEMENTS (gate_names) +
                                    local / G_N_ELEMENTS (gate_names) *
                                    G_N_ELEMENTS (gate_names));
          gate->desc = g_strdup (gate_descriptions[g_rand_int_range (rand, 0,
                                                   G_N_ELEMENTS (gate_descriptions))]);
          gate->created = group->created + g_rand_int_range (rand, 0, 400) * 86400;
          gate->priority = g_rand_int_range (rand, 0, 4);
          gate->sla = 10 * g_rand_int_range (rand, 2, 7);
          gate->active = g_rand_int_range (rand, 0, 100) >= 12;
          gate->open = gate->active && g_rand_int_range (rand, 0, 100) >= 20;
          gate->weekends = g_rand_boolean (rand);
        }
    }
}

static void
generate_campaigns (DemoCcAccount *account,
                    GRand         *rand,
                    guint          n_groups,
                    guint          n_campaigns)
{
  g_autofree guint *first = split_members (rand, n_campaigns, n_groups);

  g_array_set_size (account->dial_groups, n_groups);
  g_array_set_size (account->campaigns, n_campaigns);

  for (guint g = 0; g < n_groups; g++)
    {
      DemoDialGroup *group = &g_array_index (account->dial_groups, DemoDialGroup, g);

      group->name = cycled_name (dial_group_names, G_N_ELEMENTS (dial_group_names), g);
      group->desc = g_strdup_printf ("%s campaigns", dial_group_names[g % G_N_ELEMENTS (
                                                                        dial_group_names)]);
      group->first_campaign = first[g];
      group->n_campaigns = first[g + 1] - first[g];
      group->mode = g_rand_int_range (rand, 0, 5);
      group->active = g_rand_int_range (rand, 0, 100) >= 15;

      for (guint c = first[g]; c < first[g + 1]; c++)
        {
          DemoCampaign *campaign = &g_array_index (account->campaigns, DemoCampaign, c);
          gint64 start = CC_EPOCH + g_rand_int_range (rand, 0, 2500) * G_GINT64_CONSTANT (86400);
          g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (start);

          campaign->group = g;
          campaign->name = g_strdup_printf ("%s — %s %d",
                                            campaign_names[g_rand_int_range (rand, 0,
                                                           G_N_ELEMENTS (campaign_names))],
                                            month_names[g_date_time_get_month (date) - 1],
                                            g_date_time_get_year (date));
          campaign->start = start;
          campaign->end = g_rand_int_range (rand, 0, 4) == 0
                            ? 0 : start + g_rand_int_range (rand, 30, 365) * 86400;
          campaign->priority = g_rand_int_range (rand, 1, 11);
          campaign->max_passes = g_rand_int_range (rand, 1, 8);
          campaign->active = group->active && g_rand_int_range (rand, 0, 100) >= 25;
        }
    }
}

void
ringside_demo_cc_generate (RingsideDemoServer *self,
                           DemoCcAccount      *account)
{
  guint32 seed = 0x43434e54u ^ (account->index * 2654435761u);
  g_autoptr(GRand) rand = NULL;

  if (account->index == 1)
    seed ^= self->cc_agent_groups * 40503u ^ self->cc_agents;
  rand = g_rand_new_with_seed (seed);

  /* The main account is where billing lives; the contact centres are in sub-accounts. */
  if (account->index == 0)
    return;

  if (account->index == 1)
    {
      generate_agents (account, rand, MAX (self->cc_agent_groups, 1), self->cc_agents);
      generate_queues (account, rand, 30, 300);
      generate_campaigns (account, rand, 15, 200);
    }
  else
    {
      generate_agents (account, rand, g_rand_int_range (rand, 2, 6),
                       g_rand_int_range (rand, 12, 70));
      generate_queues (account, rand, g_rand_int_range (rand, 1, 5),
                       g_rand_int_range (rand, 4, 20));
      generate_campaigns (account, rand, g_rand_int_range (rand, 1, 4),
                          g_rand_int_range (rand, 3, 15));
    }
}
