package org.gatehouse.admin.boundary;

import org.gatehouse.admin.control.Sort;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A PrimeFaces lazy table model over a service's count and page queries: only one page of rows
 * is ever read, so lists of thousands of accounts stay fast. The search text comes from the
 * page's own search box rather than per-column filters.
 */
public class QueryModel<T> extends LazyDataModel<T> {

    @FunctionalInterface
    public interface Counter extends Serializable {
        long count(String search);
    }

    @FunctionalInterface
    public interface Loader<T> extends Serializable {
        List<T> load(String search, Sort sort, int first, int max);
    }

    @FunctionalInterface
    public interface Key<T> extends Serializable {
        String of(T row);
    }

    private final Counter counter;
    private final Loader<T> loader;
    private final Key<T> key;
    private String search;

    public QueryModel(Counter counter, Loader<T> loader, Key<T> key) {
        this.counter = counter;
        this.loader = loader;
        this.key = key;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, counter.count(search));
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        Sort sort = sortBy == null ? Sort.NONE : sortBy.values().stream()
                .filter(s -> s.getOrder() != null && s.getOrder() != SortOrder.UNSORTED).findFirst()
                .map(s -> new Sort(s.getField(), s.getOrder() == SortOrder.ASCENDING)).orElse(Sort.NONE);
        // Counted again with every load: PrimeFaces keeps the count of the view's first load across
        // postbacks, so after a new search that matches nothing the table would show an empty page
        // of the old count instead of its empty message (seen with PrimeFaces 15).
        setRowCount(count(filterBy));
        return loader.load(search, sort, first, pageSize);
    }

    @Override
    public String getRowKey(T row) {
        return key.of(row);
    }

    @Override
    public T getRowData(String rowKey) {
        List<T> rows = getWrappedData();
        return rows == null ? null : rows.stream().filter(r -> Objects.equals(key.of(r), rowKey)).findFirst().orElse(null);
    }

    public String getSearch() { return search; }
    public void setSearch(String search) { this.search = search == null ? null : search.trim(); }
}
