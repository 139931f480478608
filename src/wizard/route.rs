//! The route: the flow's step order, adjusted by the verdict (the flow's `[first_step]` names
//! the step that can fix the verdict's cause, taken right after the start), and how the
//! wizard picks the next step from it.

use crate::flow::Flow;

/// Step ids in the order they will be taken, given the current verdict id.
pub fn route<'a>(flow: &'a Flow, verdict: Option<&str>) -> Vec<&'a str> {
    let mut order = flow.route();
    let Some(first) = verdict.and_then(|v| flow.first_for(v)) else {
        return order;
    };
    if let Some(from) = order.iter().position(|id| *id == first.id) {
        let id = order.remove(from);
        order.insert(1.min(order.len()), id);
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
