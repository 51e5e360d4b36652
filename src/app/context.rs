//! What a page or panel may read, and what it may ask for. Panels get a narrow, read-only
//! [`PanelContext`] and push [`Action`]s; the app applies them once the frame's panels are drawn,
//! in the manner of rerun's `ViewerContext`. So a panel cannot reach the loader, the threads or
//! another panel's state, and every change of what the window shows goes through one place.

use super::{GroupOrder, Page, Settings, ViewState};
use crate::query::Filter;
use crate::store::Store;
use crate::view::SortColumn;

/// What a panel reads.
pub struct PanelContext<'a> {
    /// Every loaded call.
    pub store: &'a Store,
    /// What the current filter shows.
    pub view: &'a ViewState,
    /// The persisted settings (the filter among them).
    pub settings: &'a Settings,
    /// The central page.
    pub page: Page,
    /// The call shown in the side panel.
    pub selected_row: Option<u32>,
    /// The audit of every loaded call, once computed.
    pub audit: Option<&'a crate::audit::Audit>,
    /// What the last "Export…" did.
    pub export_status: Option<&'a str>,
    /// Rows written and rows to write, while an export is written.
    pub export_progress: Option<(usize, usize)>,
    /// The files from before a change and their comparison with these, in compare mode.
    pub compare: Option<&'a super::compare_mode::CompareMode>,
}

impl PanelContext<'_> {
    /// The current filter.
    pub fn filter(&self) -> &Filter {
        &self.settings.filter
    }
}

/// A change a panel asks the app for.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Filter every view.
    SetFilter(Filter),
    /// Filter every view and show the records table.
    ShowRecords(Filter),
    /// Show a page.
    ShowPage(Page),
    /// Show a call in the side panel (`None` closes it).
    Select(Option<u32>),
    /// Select a call and scroll the table to it (a move with the keyboard).
    SelectAndScroll { row: u32, position: usize },
    /// Sort the table by a column (again: the other way).
    Sort(SortColumn),
    /// Order the groups list.
    SetGroupOrder(GroupOrder),
    /// Open the support-email composer for a group.
    ComposeEmail(u32),
    /// Open the composer for the group of a call, quoting it.
    ComposeEmailForRow(u32),
    /// Read every file again.
    Reload,
    /// Leave compare mode.
    StopComparing,
    /// Export the rows the table shows.
    ExportRows,
    /// Stop the export being written.
    CancelExport,
}

/// The actions a frame's panels asked for, in order.
#[derive(Debug, Default)]
pub struct Actions(Vec<Action>);

impl Actions {
    /// Asks for `action`.
    pub fn push(&mut self, action: Action) {
        self.0.push(action);
    }

    /// Takes the actions asked for so far.
    pub fn take(&mut self) -> Vec<Action> {
        std::mem::take(&mut self.0)
    }
}
