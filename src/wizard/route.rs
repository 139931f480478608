//! The route: the flow's step order, adjusted by the verdict (an outage brings the server
//! status step forward, a blocked or inspected connection the firewall step), and how the
//! wizard picks the next step from it.

use crate::checks::VerdictId;
use crate::flow::Flow;

/// Step ids in the order they will be taken, given the current verdict.
pub fn route(flow: &Flow, verdict: Option<VerdictId>) -> Vec<&str> {
    let mut order = flow.route();
    let Some(verdict) = verdict else {
        return order;
    };
    for step in &flow.steps {
        let Some(promote) = &step.promote else { continue };
        if !promote.verdicts.contains(&verdict) {
            continue;
        }
        let Some(from) = order.iter().position(|id| *id == step.id) else {
            continue;
        };
        let id = order.remove(from);
        let at = order
            .iter()
            .position(|s| *s == promote.after)
            .map_or(0, |i| i + 1);
        order.insert(at, id);
    }
    order
}

/// The first step of the route not visited yet (the summary last of all).
pub fn next_unvisited(route: &[&str], history: &[String], summary: &str) -> String {
    route
        .iter()
        .find(|id| **id != summary && !history.iter().any(|h| h == *id))
        .map_or_else(|| summary.to_string(), |id| id.to_string())
}
